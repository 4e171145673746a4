import "server-only";
import type { Strategy } from "../strategy";
import { cookieCacheStrategy } from "./cookie-cache";
import { databaseStrategy } from "./database";
import { jwtStrategy } from "./jwt";
import { jwtRefreshStrategy } from "./jwt-refresh";
import type { StrategyModule } from "./types";

/**
 * Every mode the lab offers, in one exhaustive table: adding a mode is one new module and one
 * line here, and the compiler then points at nothing else, because nothing else names a mode.
 */
export const STRATEGY_MODULES: Record<Strategy, StrategyModule> = {
  database: databaseStrategy,
  jwt: jwtStrategy,
  "jwt-refresh": jwtRefreshStrategy,
  "cookie-cache": cookieCacheStrategy,
};

export function strategyModule(id: Strategy): StrategyModule {
  return STRATEGY_MODULES[id];
}

export type { LeverId, SessionUser, SignedIn, StrategyModule, Verdict } from "./types";
