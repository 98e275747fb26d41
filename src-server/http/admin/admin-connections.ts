/** INTERIM: the connections admin routes are being built in this session; until then this router answers nothing (404). */
import express, { type Router } from 'express';
import type { AdminContext } from './admin-context.ts';
export function createAdminConnectionsRouter(_ctx: AdminContext): Router { return express.Router(); }
export function createAdminJobsRouter(_ctx: AdminContext): Router { return express.Router(); }
