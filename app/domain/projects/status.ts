export { type ProjectStatus, projectStatuses } from "../../../db/schema/projects";
