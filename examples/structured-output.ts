/**
 * Structured output: ask for JSON matching a schema (`responseFormat`), render the object as it
 * grows while the reply streams (`partialJson()`), then check the whole of it against the
 * schema (`toObject(schema)`). One request feeds both (RxJS `connect`). Runs against the
 * built-in loopback server and exits 0.
 */
import { connect, finalize, map, merge } from 'rxjs';
import { OpenAICompatible, partialJson, toObject } from 'rx-completions';
import { startLoopbackServer } from 'rx-completions/testing';
import { z } from 'zod';

// Any Standard Schema works with toObject (zod, valibot, arktype); zod also gives the JSON
// Schema the server is sent.
const Recipe = z.object({
  title: z.string(),
  minutes: z.number().positive(),
  ingredients: z.array(z.string()),
  steps: z.array(z.string()),
});
type Recipe = z.infer<typeof Recipe>;

const server = await startLoopbackServer({ delayMs: 5 });
// What a model would write; scripted here so that the output is the same on every run.
const reply: Recipe = {
  title: 'Pancakes',
  minutes: 20,
  ingredients: ['2 eggs', '250 ml milk', '125 g flour'],
  steps: ['Whisk everything', 'Rest 10 minutes', 'Fry thin, both sides'],
};
server.enqueue({ path: '/v1/chat/completions', text: JSON.stringify(reply), chunkSize: 16 });

const provider = new OpenAICompatible({ baseURL: `${server.url}/v1` });
provider
  .createCompletion('gpt-4o-mini', [{ role: 'user', content: 'A pancake recipe' }], true, {
    responseFormat: { type: 'json', name: 'recipe', schema: z.toJSONSchema(Recipe) },
  })
  .pipe(
    connect((text$) =>
      merge(
        text$.pipe(
          partialJson<Recipe>(),
          map((partial) => `growing: ${JSON.stringify(partial)}`),
        ),
        text$.pipe(
          toObject(Recipe),
          map(
            (recipe) =>
              `checked: ${recipe.title}, ${recipe.minutes} min, ${recipe.steps.length} steps`,
          ),
        ),
      ),
    ),
    finalize(() => void server.close()),
  )
  .subscribe({
    next: (line) => {
      console.log(line);
    },
    error: (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  });
