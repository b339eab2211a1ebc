// The app's Korean web font, Noto Sans KR regular and bold, so every OS renders alike. Loaded
// once the first screen is up (App.tsx): its ~250 @font-face rules (200 kB of CSS, one per slice
// of Unicode) and the slices a screen needs would otherwise be parsed, matched and fetched before
// the first rows, beside the first requests to the core. Until it arrives the system's Korean
// font shows (the font stack in styles/app.css), then the web font swaps in (font-display: swap).
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
