// A theme's page: the preview's dark switch (copy buttons are in common.js).
import { darkToggle } from "./common.js";

darkToggle(document.getElementById("dark-toggle"), () => [document.getElementById("preview")]);
