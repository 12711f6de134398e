/* agency_home: GET /agency, the agency console's home for its members: where the agency stands
 * (pending: what happens next; approved; rejected: the admin's reasons and a way to correct the
 * details and resubmit; suspended), its details, its documents with a form to add more, and its
 * members. Later issues add their sections (courses, offerings) to the same page. A user without
 * an agency is sent to /agency/register. Reads only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_console.h"
#include "core/ident.h"
#include "core/session.h"

/* $1 agency, $2 lang */
DB_STMT(agency_home_get,
        "SELECT a.id AS \"Id\", a.name AS \"Name\", a.credit_code AS \"CreditCode\","
        "       a.status AS \"Status\", a.address AS \"Address\", a.intro AS \"Intro\","
        "       coalesce(a.contact_name, '') AS \"ContactName\","
        "       coalesce(a.contact_phone, '') AS \"ContactPhone\","
        "       coalesce(a.decision_note, '') AS \"DecisionNote\","
        "       coalesce(to_char(a.decided_at, 'YYYY-MM-DD HH24:MI'), '') AS \"DecidedAt\","
        "       to_char(a.created_at, 'YYYY-MM-DD HH24:MI') AS \"CreatedAt\","
        "       CASE WHEN $2::text = 'en' THEN d.name_en ELSE d.name END AS \"District\""
        "  FROM agencies a"
        "  LEFT JOIN region_districts rd ON rd.region_id = a.region_id"
        "  LEFT JOIN regions d ON d.id = rd.district_id"
        " WHERE a.id = $1::int");

/* $1 agency */
DB_STMT(agency_home_docs,
        "SELECT id AS \"Id\", kind AS \"Kind\", filename AS \"Filename\","
        "       media_type AS \"MediaType\", size_bytes AS \"Size\","
        "       to_char(uploaded_at, 'YYYY-MM-DD HH24:MI') AS \"UploadedAt\""
        "  FROM agency_documents WHERE agency_id = $1::int ORDER BY uploaded_at, id");

/* $1 agency */
DB_STMT(agency_home_members, "SELECT id, display_name, coalesce(phone, ''), roles & 4 <> 0"
                             "  FROM users WHERE agency_id = $1::int ORDER BY id");

static const char *masked_phone(struct arena *a, const char *phone)
{
        char m[21];
        ident_phone_mask(phone, m);
        return arena_strdup(a, m);
}

/* 1536 → "2 KB", 2621440 → "2.5 MB" */
static const char *file_size(struct req *rq, long long bytes)
{
        if (bytes < 1024 * 1024)
                return arena_printf(rq->arena, "%lld %s", (bytes + 1023) / 1024,
                                    view_str(rq->lang, "agency_console.size_kb"));
        return arena_printf(rq->arena, "%.1f %s", (double)bytes / (1024.0 * 1024.0),
                            view_str(rq->lang, "agency_console.size_mb"));
}

void agency_home_show(struct req *rq, struct resp *rs, int status, const char *doc_error,
                      const char *doc_error_file)
{
        HDF *h = rs->hdf;
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        PGresult *ag = db_exec(cm_db, &agency_home_get, DB_PARAMS(agency, lang_codes[rq->lang]));
        PGresult *docs = ag ? db_exec(cm_db, &agency_home_docs, DB_PARAMS(agency)) : NULL;
        PGresult *members = docs ? db_exec(cm_db, &agency_home_members, DB_PARAMS(agency)) : NULL;
        if (!members || PQntuples(ag) == 0) {
                app_db_error(rq, rs);
                return;
        }
        hset_row(h, "P.Agency", ag);
        hset(h, "", "P.Agency.Intro");
        hset_paragraphs(h, rq->arena, "P.Agency.Paragraphs", db_val(ag, 0, db_col(ag, "Intro")));
        hset_rows(h, "P.Documents", docs);
        for (int i = 0; i < PQntuples(docs); i++) {
                long long size = atoll(db_val(docs, i, db_col(docs, "Size")));
                hset(h, file_size(rq, size), "P.Documents.%d.SizeText", i);
                hset(h, doc_extension(db_val(docs, i, db_col(docs, "MediaType"))),
                     "P.Documents.%d.Ext", i);
        }
        const char *my_phone = "";
        for (int i = 0; i < PQntuples(members); i++) {
                bool me = atoll(db_val(members, i, 0)) == rq->sess->user_id;
                const char *phone = db_val(members, i, 2);
                if (me)
                        my_phone = phone;
                hset(h, db_val(members, i, 1), "P.Members.%d.Name", i);
                hset(h, me ? phone : masked_phone(rq->arena, phone), "P.Members.%d.Phone", i);
                hset_int(h, me, "P.Members.%d.Me", i);
                hset_int(h, strcmp(db_val(members, i, 3), "t") == 0, "P.Members.%d.Active", i);
        }
        /* the contact phone is personal data too: in full only to its owner */
        const char *contact = db_val(ag, 0, db_col(ag, "ContactPhone"));
        if (strcmp(contact, my_phone) != 0)
                hset(h, masked_phone(rq->arena, contact), "P.Agency.ContactPhone");
        const char *done = req_param(rq, "done");
        if (done)
                hset(h, done, "P.Done");
        if (doc_error) {
                char k[96];
                snprintf(k, sizeof k, "agency_console.%s", doc_error);
                hset(h, view_str(rq->lang, k), "P.DocError");
                if (doc_error_file)
                        hset(h, doc_error_file, "P.DocErrorFile");
                const char *kind = req_param(rq, "kind");
                hset(h, kind ? kind : "", "P.DocKind");
        }
        hset(h, AGENCY_DOC_FIELD, "P.DocField");
        rs->status = status;
        rs->no_store = true;
        rs->title = view_str(rq->lang, "agency_console.home_title");
        rs->template = "pages/agency/console.cs";
}

void page_agency_home(struct req *rq, struct resp *rs)
{
        agency_home_show(rq, rs, 200, NULL, NULL);
}
