import Link from "next/link";

export const metadata = { title: "Check the mailbox · Session Lab" };

export default function CheckEmailPage() {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Check the mailbox</h1>
      <p>
        A one-time sign-in link was sent. In this lab it never leaves the machine: open the in-app mailbox to
        click it.
      </p>
      <Link href="/mailbox" className="text-blue-700 underline dark:text-blue-300">
        Open the Mailbox
      </Link>
    </div>
  );
}
