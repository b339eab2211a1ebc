// A JSON POST to a server started as a child process (tests and benches that have only its URL):
// the envelope's value, or an error with what the server answered.
export async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const answer = (await res.json()) as { value: T };
  if (res.status !== 200) throw new Error(`${url}: ${JSON.stringify(answer)}`);
  return answer.value;
}
