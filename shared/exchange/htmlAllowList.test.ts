import { describe, it, expect } from 'vitest';
import { isAllowedImageSrc, isTrackingImage, parseStyle, styleEmphasis } from './htmlAllowList';

describe('htmlAllowList rules', () => {
  it('images: web, pasted (data:image, blob:), DOCX parts (cid:) and relative; never javascript: or data:text', () => {
    expect(['https://x/a.jpg', 'data:image/png;base64,AAAA', 'blob:https://x/1', 'cid:abc', 'images/a.jpg'].every(isAllowedImageSrc)).toBe(true);
    expect(['javascript:alert(1)', 'data:text/html;base64,PHA+', 'data:image/svg+xml,<svg onload=alert(1)>', ''].some(isAllowedImageSrc)).toBe(false);
  });

  it('styles: quoted HWP values, upper case and !important are understood', () => {
    expect(parseStyle(`font-family:"한컴바탕";FONT-WEIGHT:"bold" !important`).get('font-weight')).toBe('bold');
    expect(styleEmphasis('font-weight:700')).toEqual({ bold: true, italic: null });
    expect(styleEmphasis('font-weight:400;font-style:italic')).toEqual({ bold: false, italic: true });
    expect(styleEmphasis('font-weight:normal;font-style:normal')).toEqual({ bold: false, italic: false });
    expect(styleEmphasis('color:red')).toEqual({ bold: null, italic: null });
  });

  it('tracking pixels: 1×1 by attribute or style, no source, tiny data: images', () => {
    const img = (o: Partial<{ src: string; width: string; height: string; style: string }>) => ({ src: null, width: null, height: null, style: null, ...o });
    expect(isTrackingImage(img({ src: 'https://t/p.gif', width: '1', height: '1' }))).toBe(true);
    expect(isTrackingImage(img({ src: 'https://t/p.gif', style: 'width:1px;height:1px' }))).toBe(true);
    expect(isTrackingImage(img({}))).toBe(true);
    expect(isTrackingImage(img({ src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }))).toBe(true);
    expect(isTrackingImage(img({ src: 'https://cdn/photo.jpg', width: '800' }))).toBe(false);
  });
});
