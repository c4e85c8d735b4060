// Identifies the action in the User-Agent; kept in step with package.json by a test.
export const ACTION_NAME = 'atlas-delete-link-token-action';
export const ACTION_VERSION = '1.0.0';
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;
