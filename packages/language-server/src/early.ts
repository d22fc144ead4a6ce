// Imported first by the server (server.ts): runs before the other modules are loaded.
import { stopGrowthEarly } from './young-generation.js';

stopGrowthEarly();
