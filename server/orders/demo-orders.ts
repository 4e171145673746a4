/**
 * Demo orders, made up from the caller's id: the same user always sees the same orders, and
 * the service needs no database at all. What matters in this service is who it believes is
 * calling, not the shop.
 */
import { createHash } from "node:crypto";

export interface Order {
  id: string;
  item: string;
  quantity: number;
  totalCents: number;
  placedOn: string;
}

const ITEMS = [
  ["Sourdough loaf", 650],
  ["Espresso beans, 1 kg", 2400],
  ["Ceramic mug", 1800],
  ["Linen tea towel", 1200],
  ["Olive oil, 500 ml", 1450],
  ["A5 notebook", 900],
  ["Beeswax wraps", 1600],
  ["Loose-leaf tea, 250 g", 1100],
] as const;

/** A fixed day, so the dates never change between runs either. */
const BASE = Date.UTC(2026, 10, 30);

export function ordersFor(sub: string): Order[] {
  const seed = createHash("sha256").update(`orders:${sub}`).digest();
  const count = 2 + ((seed[0] ?? 0) % 3);
  return Array.from({ length: count }, (_, i) => {
    const byte = (n: number) => seed[(i * 5 + n) % seed.length] ?? 0;
    const [item, price] = ITEMS[byte(1) % ITEMS.length] ?? ITEMS[0];
    const quantity = 1 + (byte(2) % 3);
    return {
      id: `ord_${seed.subarray(i * 4, i * 4 + 4).toString("hex")}`,
      item,
      quantity,
      totalCents: price * quantity,
      placedOn: new Date(BASE - (byte(3) % 90) * 86400_000 - i * 86400_000).toISOString().slice(0, 10),
    };
  });
}
