export * from "./schema/catalogue";
export * from "./schema/auth";
export * from "./schema/history";
export * from "./schema/kpi";
export * from "./schema/operations";
