// The contract's uploadLibraryToNewsroom for a local library: a session on the server for this
// upload only (the folder is not bound and keeps no token), refused at once unless the account is
// an admin there (the server's import routes refuse anyone else too), then the upload as a job.
import type { UploadSummary } from '../../../shared/contract/libraryUpload';
import { ApiError } from '../../../shared/contract/errors';
import type { JobRegistry } from '../../exchange/JobRegistry';
import type { Library } from '../../Library';
import { NewsroomClient } from '../NewsroomClient';
import { planUpload, uploadLibrary } from './uploadLibrary';

export async function uploadToNewsroom(library: Library, jobs: JobRegistry, jobId: string, account: { server: string; login: string; password: string }): Promise<UploadSummary> {
  const plan = await planUpload(library);
  // The job from the start, so a cancel while signing in is heard (before the first photo).
  return jobs.run(jobId, plan.total, async (job) => {
    const client = await NewsroomClient.signIn(account.server, account.login, account.password);
    try {
      const { role } = client.person;
      if (role !== 'admin') throw new ApiError('forbidden', 'only an admin of the newsroom may upload a library to it', { reason: 'role', role });
      return await uploadLibrary(library, plan, client, job);
    } finally {
      await client.signOut();
    }
  });
}
