// Receiving one uploaded file from a multipart form, kept in memory and bounded in size.
// HTTP lives here, not in the modules: a route hands the module the file's name and bytes.
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

export type Upload = { ok: true; fileName: string; content: ArrayBuffer } | { ok: false; problem: "tooLarge" | "noFile" };

/** The `field` file of a multipart form, at most `maxBytes`. */
export async function receiveUpload(request: Request, maxBytes: number, field = "file"): Promise<Upload> {
  // An honest browser announces the size: refuse before reading anything.
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > maxBytes + 100_000) return { ok: false, problem: "tooLarge" };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, problem: "tooLarge" };
    // A body that is not multipart, or is cut short: the browser's request is unusable.
    return { ok: false, problem: "noFile" };
  }
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) return { ok: false, problem: "noFile" };
  return { ok: true, fileName: file.name.slice(0, 255), content: await file.arrayBuffer() };
}
