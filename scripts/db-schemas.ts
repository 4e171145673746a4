/** Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (see lib/db/schemas.ts). */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { postgresSchemaFrom } from "../lib/db/schemas";

const root = path.resolve(__dirname, "..");
const source = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
writeFileSync(path.join(root, "prisma", "postgresql", "schema.prisma"), postgresSchemaFrom(source));
console.log("db:schemas: wrote prisma/postgresql/schema.prisma");
