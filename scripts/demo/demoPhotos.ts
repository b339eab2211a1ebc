// Photos for the demo library, drawn here (SVG rendered to JPEG by sharp) so nothing in the repo
// or the screenshots comes from a photographer.
import sharp from 'sharp';

const SCENES = {
  harbour: `<rect width="1200" height="800" fill="url(#sky)"/><defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1d3557"/><stop offset="0.6" stop-color="#f4a261"/></linearGradient></defs>
    <rect y="520" width="1200" height="280" fill="#264653"/>
    ${[120, 380, 640, 900].map((x, i) => `<path d="M${x} 520 l180 0 l-30 60 l-120 0 z" fill="#e9ecef"/><rect x="${x + 80}" y="${400 - i * 10}" width="8" height="${120 + i * 10}" fill="#adb5bd"/>`).join('')}`,
  field: `<rect width="1200" height="800" fill="#a8dadc"/><circle cx="950" cy="180" r="90" fill="#ffe8a3"/>
    <path d="M0 520 Q300 380 600 500 T1200 470 V800 H0 Z" fill="#588157"/><path d="M0 640 Q400 540 800 640 T1200 620 V800 H0 Z" fill="#3a5a40"/>
    <path d="M520 470 a80 80 0 0 1 160 0 v60 h-160 z" fill="#f1faee"/>`,
  city: `<rect width="1200" height="800" fill="#cfd8dc"/>
    ${Array.from({ length: 9 }, (_, i) => `<rect x="${i * 135}" y="${260 + ((i * 97) % 180)}" width="120" height="${540 - ((i * 97) % 180)}" fill="${i % 2 ? '#607d8b' : '#78909c'}"/>`).join('')}
    <rect x="760" y="120" width="36" height="300" fill="#455a64"/><rect y="700" width="1200" height="100" fill="#90a4ae"/>`,
} as const;

export type Scene = keyof typeof SCENES;

export function demoPhoto(scene: Scene): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">${SCENES[scene]}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
