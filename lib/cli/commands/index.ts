import type { Command } from "commander";
import { registerClassifyCommand } from "./classify";
import { registerDbCommands } from "./db";
import { registerEvalCommand } from "./eval";
import { registerExportCommand } from "./export";
import { registerImportCommands } from "./import";
import { registerRefineCommand } from "./refine";
import { registerScoreCommand } from "./score";
import { registerServeCommand } from "./serve";
import { registerUserCommands } from "./user";
import { registerWorkerCommand } from "./worker";

/** Every `marginalia` sub-command registers itself here, one line each. */
export function registerCommands(program: Command): void {
  registerClassifyCommand(program);
  registerEvalCommand(program);
  registerServeCommand(program);
  registerDbCommands(program);
  registerUserCommands(program);
  registerScoreCommand(program);
  registerRefineCommand(program);
  registerImportCommands(program);
  registerWorkerCommand(program);
  registerExportCommand(program);
}
