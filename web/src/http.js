// The page's one way to ask the API: JSON in, the API's error message out.
export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : `${response.status}`);
  return body;
}
