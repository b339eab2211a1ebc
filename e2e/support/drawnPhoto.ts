// A photo of our own for specs that need one and nothing more (no metadata to test): drawn as SVG
// and encoded by sharp, so a fresh clone needs nothing from beside the repo.
import { demoPhoto, type Scene } from '../../scripts/demo/demoPhotos';

export async function drawnPhoto(scene: Scene = 'field', name = `${scene}.jpg`) {
  return { name, mimeType: 'image/jpeg', buffer: await demoPhoto(scene) };
}
