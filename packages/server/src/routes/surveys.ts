import type { RouteSpec } from '../http/route.js';

/** The routes of this file (work in progress, issue #4). */
export const surveysRoutes: RouteSpec[] = [];
