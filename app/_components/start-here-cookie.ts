/** Set (to "dismissed") when a reader hides the start-here panel; read by the server so it never flashes. */
export const START_HERE_COOKIE = "marginalia-start-here";
