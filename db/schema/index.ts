// One file per context; this index is what drizzle-kit and the db client read.
export * from "./audit";
export * from "./events";
export * from "./initiatives";
export * from "./insights";
export * from "./media";
export * from "./monitor";
export * from "./monitor-current";
export * from "./news";
export * from "./panel";
export * from "./platform";
export * from "./population";
export * from "./project-links";
export * from "./projects";
export * from "./staff";
export * from "./surveys";
export * from "./wijken";
