import { expect, test } from "@playwright/test";
import { newUser, signIn } from "../support/services-api";
import { SVC_APP_URL } from "../support/services-env";

/** /services on a phone-sized screen: both ways of calling the orders service, as a user sees them. */
test.use({ viewport: { width: 390, height: 844 } });

test("calls the orders service both ways and says what each had to reach", async ({
  request,
  page,
  context,
}) => {
  const user = await newUser(request);
  const session = await signIn(request, user.email, user.password, "database");
  await context.addCookies([
    { name: "auth-strategy", value: "database", url: SVC_APP_URL },
    { name: "authjs.session-token", value: session.access_token, url: SVC_APP_URL },
  ]);
  await page.goto(`${SVC_APP_URL}/services`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beyond one server: the orders service");
  await expect(page.getByRole("note")).toContainText("running");

  const signed = page.getByRole("region", { name: "With a signed access token" });
  await signed.getByRole("button", { name: "Call with an access token" }).click();
  await expect(signed.getByRole("status")).toContainText("verified the signature with the public key");

  const own = page.getByRole("region", { name: "With my session credential" });
  await own.getByRole("button", { name: "Call with my session cookie" }).click();
  await expect(own.getByRole("status")).toContainText("asked the app (introspection)");
  await expect(own.getByRole("status")).toContainText("reached app /api/introspect");

  // Nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
