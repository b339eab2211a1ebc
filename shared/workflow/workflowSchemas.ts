// The schemas of the desk workflow's data (transitions.ts holds the rules, free of zod).
import { z } from 'zod';
import { RoleSchema } from '../model/person';
import { PERMISSIONS, WORKFLOW_ACTIONS } from './transitions';

export const WorkflowActionSchema = z.enum(WORKFLOW_ACTIONS);

const PermissionSchema = z.enum(PERMISSIONS);

// Partial so a settings file from before an action existed still loads; the settings schema fills the gaps.
export const PermissionTableSchema = z.partialRecord(PermissionSchema, z.array(RoleSchema).max(3));
