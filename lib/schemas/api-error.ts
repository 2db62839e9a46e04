/** The one error shape every API answer has, whoever produces it (route wrapper, web server, auth route). */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

export function apiErrorBody(
  code: string,
  message: string,
  issues?: ApiErrorBody["error"]["issues"],
): ApiErrorBody {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}
