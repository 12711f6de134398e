// people.mjs: signed-in visitors for the browser tests, made the way tests/http/lib/CM.pm's
// make_user and login_as make them: rows straight in the test database (through CM_PSQL, the
// psql command line script/test exports) and a session cookie, so pages behind a login can be
// checked without going through the login pages. Only for the test instance.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';

export const canMakePeople = Boolean(process.env.CM_PSQL);

// Runs SQL on the test database; returns psql's unaligned, tuples-only output, trimmed.
export function psql(sql) {
  if (!canMakePeople) throw new Error('CM_PSQL is not set (script/test sets it)');
  return execFileSync('bash', ['-c', `${process.env.CM_PSQL} -A -t -q -v ON_ERROR_STOP=1 -f -`], {
    input: sql,
    encoding: 'utf8',
  }).trim();
}

// A SQL string literal.
export const sqlStr = (s) => `'${String(s).replace(/'/g, "''")}'`;

let phoneSeq = 0;
export function freshPhone() {
  phoneSeq += 1;
  return `137${String(process.pid % 10000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

// A user (roles as in router.h; staff roles get an unusable password hash, as the schema needs
// one); returns the id.
export function makeUser({ name, phone = freshPhone(), roles = 2, agencyId = null } = {}) {
  const pw = roles & 120 ? "'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$unusable'" : 'NULL';
  return psql(`INSERT INTO users (display_name, phone, roles, agency_id, password_hash)
    VALUES (${sqlStr(name ?? `浏览器测试${phoneSeq}`)}, ${sqlStr(phone)}, ${roles},
            ${agencyId ?? 'NULL'}, ${pw}) RETURNING id`);
}

// A session for the user: returns the value of the cm_sid cookie.
export function sessionFor(userId) {
  const token = randomBytes(32);
  const hash = createHash('sha256').update(token).digest('hex');
  psql(`INSERT INTO sessions (token_hash, user_id, auth_method)
    VALUES ('\\x${hash}'::bytea, ${userId}, 'sms')`);
  return token.toString('base64url');
}
