// The part of jsrsasign's JWT subset that src/api/jwt.ts uses (generated module beside this file).
import type { JwsSigner } from '../jwt.js';
export declare const KJUR: JwsSigner;
