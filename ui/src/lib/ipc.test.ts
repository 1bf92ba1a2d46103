import { describe, expect, it } from "vitest";
import { toCommandError } from "./ipc";

describe("toCommandError", () => {
  it("keeps a {code, message} rejection from the shell", () => {
    expect(toCommandError({ code: "store_open", message: "開けません" })).toEqual({
      code: "store_open",
      message: "開けません",
    });
  });

  it("wraps anything else under code ipc", () => {
    expect(toCommandError("command list_x not found")).toEqual({
      code: "ipc",
      message: "command list_x not found",
    });
    expect(toCommandError({ message: 1 }).code).toBe("ipc");
  });
});
