// The dialog shown when the library cannot be opened, in both languages because the UI language
// setting lives in the library we could not open.
import type { ApiError } from '../../shared/contract/errors';

export function buildStartupError(err: ApiError | null, libraryDir: string, detail: string): { title: string; message: string } {
  if (err?.params.reason === 'libraryLocked') {
    return {
      title: 'Copydesk',
      message: `이 보관 폴더는 다른 Copydesk가 사용 중입니다. 그 창을 닫거나 --library로 다른 폴더를 고르세요.\nThis library is open in another Copydesk. Close it, or choose another folder with --library.\n\n${libraryDir}`,
    };
  }
  return {
    title: 'Copydesk',
    message: `보관 폴더를 열 수 없습니다. 폴더가 있는지, 쓸 수 있는지 확인하세요.\nThe library folder could not be opened. Check that it exists and can be written.\n\n${libraryDir}\n${detail}`,
  };
}
