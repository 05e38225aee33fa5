/**
 * A production build writes its public address into canonical links, share images, oEmbed and
 * embed snippets. Built without one, all of them would point at localhost, and nothing on the
 * page would look wrong to the editor who published it. So the build refuses to run without it.
 */
export const ORIGIN_VARIABLE = "REVOLVING_DOOR_SITE";

/** The public origin from the environment, or the message that stops the build. */
export function publicOrigin(env: NodeJS.ProcessEnv): { origin: string } | { problem: string } {
  const value = env[ORIGIN_VARIABLE]?.trim();
  const example = `${ORIGIN_VARIABLE}=https://news.example.org/revolving-door npm run build`;
  if (!value) {
    return {
      problem: `Build stopped: ${ORIGIN_VARIABLE} is not set. It is the public address the story will be served from; canonical links, share images and embed codes are built from it.\n  fix:   ${example}\n         (npm start sets it to the local address it serves on.)`,
    };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      problem: `Build stopped: ${ORIGIN_VARIABLE} is "${value}", which is not a web address.\n  fix:   ${example}`,
    };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return {
      problem: `Build stopped: ${ORIGIN_VARIABLE} is "${value}"; it must start with https:// (or http://).\n  fix:   ${example}`,
    };
  }
  return { origin: url.href.replace(/\/$/, "") };
}
