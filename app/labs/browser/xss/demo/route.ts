import { fromThisSite, labCaller } from "@/lib/labs/request";
import { demoToken } from "@/lib/labs/xss";
import { xssDemoPage } from "@/lib/labs/xss-page";

/**
 * The XSS lab's deliberately vulnerable page (lib/labs/xss-page.ts). GET shows it; POST shows it
 * with the comment just posted, from this site's own form only. proxy.ts sets its CSP and nonce.
 */
export const dynamic = "force-dynamic";

const MAX_COMMENT = 4000;

async function page(req: Request, comment: string | null, status = 200) {
  const { userId } = await labCaller(req);
  const html = xssDemoPage({
    nonce: req.headers.get("x-nonce") ?? "",
    token: userId ? demoToken(userId) : null,
    comment: userId ? comment : null,
  });
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

export async function GET(req: Request) {
  return page(req, null);
}

export async function POST(req: Request) {
  if (!fromThisSite(req))
    return new Response("Comments are accepted from this site's own form only.", { status: 403 });
  const form = await req.formData().catch(() => null);
  const comment = form?.get("comment");
  if (typeof comment !== "string" || comment.length > MAX_COMMENT)
    return new Response(`A comment is text of at most ${MAX_COMMENT} characters.`, { status: 400 });
  return page(req, comment);
}
