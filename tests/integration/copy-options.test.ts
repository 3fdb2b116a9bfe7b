import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await db.query('create table copied (n int primary key, label text)');
  await db.query('create table noted (note text)');
});
afterAll(() => db.destroy());

const rows = (from: number, to: number) => {
  let text = '';
  for (let n = from; n < to; n++) text += `${n}\tlabel ${n}\n`;
  return text;
};
const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from copied'))[0]!.n;

describe('Database.copyFrom with work to do meanwhile', () => {
  it('runs the work once, by the time the rows are stored', async () => {
    let ran = 0;
    await db.transaction((tx) => tx.copyFrom('copied', ['n', 'label'], rows(0, 20_000), { meanwhile: () => ran++ }));
    expect(ran).toBe(1);
    expect(await count()).toBe(20_000);
  });

  it('stores the rows when the work throws: its caller meets the error when it asks for the result', async () => {
    await db.transaction((tx) =>
      tx.copyFrom('copied', ['n', 'label'], rows(20_000, 20_010), {
        meanwhile: () => {
          throw new Error('the work failed');
        },
      }),
    );
    expect(await count()).toBe(20_010);
  });

  it('fails with the server refusing the rows, whatever the work does', async () => {
    let ran = 0;
    await expect(
      db.transaction((tx) => tx.copyFrom('copied', ['n', 'label'], rows(0, 5), { meanwhile: () => ran++ })),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toBe(20_010);
    expect(ran).toBeLessThanOrEqual(1);
  });
});

const notes = async () => (await db.query<{ note: string }>('select note from noted order by note')).map((r) => r.note);

describe('Database.copyFrom with statements sent first', () => {
  it('runs them before the rows, in the same transaction', async () => {
    await db.transaction((tx) =>
      tx.copyFrom('copied', ['n', 'label'], rows(30_000, 30_003), {
        first: `insert into noted values ('a'); insert into noted values ('b')`,
      }),
    );
    expect(await notes()).toEqual(['a', 'b']);
    expect(await count()).toBe(20_013);
  });

  it('COPYs nothing when one of them fails, and throws its error', async () => {
    await expect(
      db.transaction((tx) =>
        tx.copyFrom('copied', ['n', 'label'], rows(40_000, 40_003), {
          first: `insert into noted values ('c'); select 1 / 0`,
        }),
      ),
    ).rejects.toMatchObject({ code: '22012' });
    expect(await notes()).toEqual(['a', 'b']);
    expect(await count()).toBe(20_013);
  });

  it('undoes them with the transaction when the server refuses the rows', async () => {
    await expect(
      db.transaction((tx) =>
        tx.copyFrom('copied', ['n', 'label'], rows(0, 3), { first: `insert into noted values ('d')` }),
      ),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await notes()).toEqual(['a', 'b']);
  });
});
