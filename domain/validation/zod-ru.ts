import { z } from 'zod';

/** Russian default messages for every zod check that has no message of its own. */
z.config(z.locales.ru());
