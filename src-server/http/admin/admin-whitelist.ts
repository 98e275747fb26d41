/** INTERIM: the whitelist admin routes are being built in this session; until then this router answers nothing (404). */
import express, { type Router } from 'express';
import type { AdminContext } from './admin-context.ts';
export function createAdminWhitelistRouter(_ctx: AdminContext): Router { return express.Router(); }
