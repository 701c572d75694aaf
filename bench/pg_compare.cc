// pg_compare: the same claims and the same queries in PostgreSQL, for the
// "faster than PostgreSQL" target.
//
//   pg_compare --query=127.0.0.1:50052 --pg="host=127.0.0.1 port=5433 ..."
//       --workload=queries.tsv --results=results.txt
//
// 1. Exports every claim from Claimstore through QueryClaims (no filter; the
//    stream is in Claimstore's sort order, so the stream position is a
//    claim_id whose order equals Claimstore's tie-breaking) and loads it
//    with COPY into:
//      claims(claim_id, id, article_id, date_start, date_end, actors[],
//             topics[] (with ancestor paths), payload bytea = serialized Claim)
//      claim_actors(actor, date_start, claim_id)  btree (actor, date_start, claim_id)
//      claim_topics(topic, date_start, claim_id)  btree (topic, date_start, claim_id)
//      btree claims(date_start, claim_id), GIN claims(topics), GIN claims(actors)
//    Dates, actor ids and topic paths come from the store's own functions
//    (common/store dates and claim_index), so both systems index the same
//    things.
// 2. Runs the workload file of query_bench through libpq: prepared
//    statements, binary results, single-row mode, LIMIT first_n; each row's
//    payload is parsed into a Claim (the client work a gRPC client does).
//    Times to the first and to the n-th row; the first distinct queries are
//    also run on Claimstore and the claim ids compared.
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "bench/bench_util.h"
#include "cli/claims_client.h"
#include "common/store/claim_index.h"
#include "common/store/dates.h"

ABSL_FLAG(std::string, query, "127.0.0.1:50052", "claims-query address");
ABSL_FLAG(std::string, pg, "", "libpq connection string");
ABSL_FLAG(std::string, workload, "queries.tsv", "query_bench workload file");
ABSL_FLAG(std::string, results, "", "append result lines to this file");
ABSL_FLAG(bool, load, true, "(re)create and load the tables first");
ABSL_FLAG(int, runs_per_kind, 500, "timed queries per kind");
ABSL_FLAG(int, first_n, 100, "the 'Nth row' of the latency measure");
ABSL_FLAG(int, query_timeout_ms, 10000,
          "statement_timeout of one query (and the Claimstore deadline in "
          "the answer check); a timeout counts with the deadline as sample");
ABSL_FLAG(int, kind_budget_seconds, 90,
          "time budget of one query kind, warm-up included");
ABSL_FLAG(int, check_per_kind, 16,
          "distinct queries per kind whose answers are compared with "
          "Claimstore's");

namespace {

using claims::bench::Ms;
using claims::bench::Query;
using Clock = std::chrono::steady_clock;
namespace si = claims::store_internal;

bool Exec(PGconn* conn, const std::string& sql) {
  PGresult* result = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK ||
                  PQresultStatus(result) == PGRES_TUPLES_OK;
  if (!ok) std::cerr << "pg_compare: " << sql << ": " << PQerrorMessage(conn);
  PQclear(result);
  return ok;
}

// A text-format COPY field: backslash, tab and newline escaped.
std::string CopyText(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

// A text[] literal for COPY: {"a","b"} with quotes and backslashes escaped.
std::string ArrayLiteral(const std::vector<std::string>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ",";
    out += "\"";
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += "\"";
  }
  out += "}";
  return CopyText(out);
}

absl::Status Load(PGconn* conn, claims::ClaimsClient& client,
                  claims::bench::ResultLog& log) {
  const char* schema = R"sql(
    DROP TABLE IF EXISTS claim_actors, claim_topics, claims;
    CREATE TABLE claims (
      claim_id   bigint PRIMARY KEY,
      id         text NOT NULL,
      article_id text NOT NULL,
      date_start date,
      date_end   date,
      actors     text[] NOT NULL,
      topics     text[] NOT NULL,
      payload    bytea NOT NULL);
    CREATE TABLE claim_actors (actor text NOT NULL, date_start date,
                               claim_id bigint NOT NULL);
    CREATE TABLE claim_topics (topic text NOT NULL, date_start date,
                               claim_id bigint NOT NULL);
  )sql";
  if (!Exec(conn, schema)) return absl::InternalError("schema");
  {
    PGresult* copy = PQexec(conn, "COPY claims FROM STDIN");
    const bool ok = PQresultStatus(copy) == PGRES_COPY_IN;
    PQclear(copy);
    if (!ok) return absl::InternalError(absl::StrCat("COPY: ", PQerrorMessage(conn)));
  }
  const Clock::time_point start = Clock::now();
  uint64_t claim_id = 0;
  std::string buffer;
  bool copy_failed = false;
  auto flush = [&] {
    if (buffer.empty()) return;
    if (PQputCopyData(conn, buffer.data(), static_cast<int>(buffer.size())) != 1) {
      copy_failed = true;
    }
    buffer.clear();
  };
  claims::v1::QueryClaimsRequest everything;
  absl::Status exported = client.QueryClaims(
      everything, [&](const claims::v1::QueryClaimsResponse& item) {
        const claims::v1::Claim& claim = item.claim();
        auto period =
            si::ClaimPeriod(claim, claims::v1::DATE_FIELD_EFFECTIVE);
        absl::StrAppend(
            &buffer, ++claim_id, "\t", CopyText(claim.id()), "\t",
            CopyText(claim.article_id()), "\t",
            period ? si::FormatDate(period->start) : "\\N", "\t",
            period ? si::FormatDate(period->end) : "\\N", "\t",
            ArrayLiteral(si::ClaimActorIds(claim)), "\t",
            ArrayLiteral(si::ClaimTopicPaths(claim)), "\t\\\\x",
            absl::BytesToHexString(claim.SerializeAsString()), "\n");
        if (buffer.size() > (1 << 20)) flush();
        return !copy_failed;
      });
  flush();
  if (PQputCopyEnd(conn, nullptr) != 1) copy_failed = true;
  PGresult* result = PQgetResult(conn);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) copy_failed = true;
  PQclear(result);
  if (!exported.ok()) return exported;
  if (copy_failed) {
    return absl::InternalError(absl::StrCat("COPY: ", PQerrorMessage(conn)));
  }
  const double copy_seconds = Ms(start, Clock::now()) / 1000;
  const char* indexes = R"sql(
    INSERT INTO claim_actors
      SELECT unnest(actors), date_start, claim_id FROM claims;
    INSERT INTO claim_topics
      SELECT unnest(topics), date_start, claim_id FROM claims;
    CREATE INDEX claim_actors_by_date ON claim_actors (actor, date_start, claim_id);
    CREATE INDEX claim_topics_by_date ON claim_topics (topic, date_start, claim_id);
    CREATE INDEX claims_by_date ON claims (date_start, claim_id);
    CREATE INDEX claims_by_article ON claims (article_id);
    CREATE INDEX claims_topics_gin ON claims USING gin (topics);
    CREATE INDEX claims_actors_gin ON claims USING gin (actors);
  )sql";
  if (!Exec(conn, indexes)) return absl::InternalError("indexes");
  // Visibility maps (index-only scans) and statistics; VACUUM cannot share
  // a multi-statement transaction.
  for (const char* table : {"claims", "claim_actors", "claim_topics"}) {
    if (!Exec(conn, absl::StrCat("VACUUM ANALYZE ", table))) {
      return absl::InternalError("vacuum");
    }
  }
  log.Put("pg_claims", static_cast<double>(claim_id));
  log.Put("pg_export_copy_seconds", copy_seconds);
  log.Put("pg_load_seconds", Ms(start, Clock::now()) / 1000);
  PGresult* size = PQexec(conn, "SELECT pg_database_size(current_database())");
  if (PQresultStatus(size) == PGRES_TUPLES_OK) {
    log.Put("pg_database_mib", std::stod(PQgetvalue(size, 0, 0)) / 1048576);
  }
  PQclear(size);
  return absl::OkStatus();
}

// The prepared statement and parameters of a workload query.
struct PgQuery {
  const char* statement;
  std::vector<std::string> params;
};

PgQuery ToPg(const Query& q) {
  if (q.kind == "actor") return {"by_actor", {q.actor}};
  if (q.kind == "topic") return {"by_topic", {q.topic}};
  if (q.kind == "date") return {"by_date", {q.from, q.to}};
  return {"combined", {q.actor, q.topic, q.from, q.to}};
}

absl::Status Prepare(PGconn* conn, int n) {
  // Date ranges: a claim's period overlaps [from, to); periods are at most
  // a year long, so the scan starts a year (and a day) before `from`, as in
  // Claimstore.
  const std::map<std::string, std::string> statements = {
      {"by_actor",
       "SELECT c.payload FROM claim_actors a JOIN claims c USING (claim_id) "
       "WHERE a.actor = $1::text ORDER BY a.date_start, a.claim_id LIMIT " +
           std::to_string(n)},
      {"by_topic",
       "SELECT c.payload FROM claim_topics t JOIN claims c USING (claim_id) "
       "WHERE t.topic = $1::text ORDER BY t.date_start, t.claim_id LIMIT " +
           std::to_string(n)},
      {"by_date",
       "SELECT payload FROM claims WHERE date_start >= "
       "($1::date - interval '1 year' - interval '1 day') AND date_start < "
       "$2::date AND date_end > $1::date ORDER BY date_start, claim_id LIMIT " +
           std::to_string(n)},
      {"combined",
       "SELECT c.payload FROM claim_actors a JOIN claims c USING (claim_id) "
       "WHERE a.actor = $1::text AND c.topics @> ARRAY[$2::text] AND "
       "a.date_start >= ($3::date - interval '1 year' - interval '1 day') AND "
       "a.date_start < $4::date AND c.date_end > $3::date "
       "ORDER BY a.date_start, a.claim_id LIMIT " +
           std::to_string(n)},
  };
  for (const auto& [name, sql] : statements) {
    PGresult* result = PQprepare(conn, name.c_str(), sql.c_str(), 0, nullptr);
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok) {
      return absl::InternalError(
          absl::StrCat("prepare ", name, ": ", PQerrorMessage(conn)));
    }
  }
  return absl::OkStatus();
}

// Runs one query in single-row mode: times to the first and n-th row (or
// the end), the claim ids in order.
absl::Status RunOne(PGconn* conn, const Query& q, int n, double* first_ms,
                    double* nth_ms, std::vector<std::string>* ids) {
  PgQuery pq = ToPg(q);
  std::vector<const char*> values;
  for (const std::string& p : pq.params) values.push_back(p.c_str());
  *first_ms = *nth_ms = -1;
  int count = 0;
  const Clock::time_point start = Clock::now();
  if (!PQsendQueryPrepared(conn, pq.statement, static_cast<int>(values.size()),
                           values.data(), nullptr, nullptr, /*binary=*/1) ||
      !PQsetSingleRowMode(conn)) {
    return absl::InternalError(PQerrorMessage(conn));
  }
  std::string error;
  bool timed_out = false;
  claims::v1::Claim claim;
  while (PGresult* result = PQgetResult(conn)) {
    ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_SINGLE_TUPLE) {
      claim.ParseFromArray(PQgetvalue(result, 0, 0), PQgetlength(result, 0, 0));
      ++count;
      if (count == 1) *first_ms = Ms(start, Clock::now());
      if (count == n) *nth_ms = Ms(start, Clock::now());
      if (ids) ids->push_back(claim.id());
    } else if (status != PGRES_TUPLES_OK) {
      const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
      timed_out = state != nullptr && std::string(state) == "57014";
      error = PQresultErrorMessage(result);
    }
    PQclear(result);
  }
  if (*nth_ms < 0) *nth_ms = Ms(start, Clock::now());
  if (*first_ms < 0) *first_ms = *nth_ms;
  if (timed_out) return absl::DeadlineExceededError(error);
  if (!error.empty()) return absl::InternalError(error);
  return absl::OkStatus();
}

absl::Status RunQueries(PGconn* conn, claims::ClaimsClient& client,
                        const std::vector<Query>& workload,
                        claims::bench::ResultLog& log) {
  const int n = absl::GetFlag(FLAGS_first_n);
  const int runs = absl::GetFlag(FLAGS_runs_per_kind);
  if (absl::Status s = Prepare(conn, n); !s.ok()) return s;

  if (!Exec(conn, absl::StrCat("SET statement_timeout = ",
                                absl::GetFlag(FLAGS_query_timeout_ms)))) {
    return absl::InternalError("statement_timeout");
  }
  client.set_timeout(absl::Milliseconds(absl::GetFlag(FLAGS_query_timeout_ms)));
  std::map<std::string, std::vector<const Query*>> by_kind;
  for (const Query& q : workload) by_kind[q.kind].push_back(&q);

  // Same answers? The first distinct queries of each kind on both systems.
  int checked = 0, mismatched = 0;
  std::string example;
  for (const auto& [kind, queries] : by_kind) {
    for (size_t i = 0; i < queries.size() &&
                       i < static_cast<size_t>(absl::GetFlag(FLAGS_check_per_kind));
         ++i) {
      const Query& q = *queries[i];
      double a, b;
      std::vector<std::string> pg_ids, cs_ids;
      absl::Status s = RunOne(conn, q, n, &a, &b, &pg_ids);
      if (absl::IsDeadlineExceeded(s)) continue;
      if (!s.ok()) return s;
      s = client.QueryClaims(claims::bench::ToRequest(q, n),
                             [&](const claims::v1::QueryClaimsResponse& item) {
                               cs_ids.push_back(item.claim().id());
                               return true;
                             });
      if (absl::IsDeadlineExceeded(s)) continue;
      if (!s.ok()) return s;
      ++checked;
      if (pg_ids != cs_ids) {
        ++mismatched;
        if (example.empty()) {
          example = absl::StrCat(q.kind, " ", q.actor, " ", q.topic, " ",
                                 q.from, " ", q.to, ": pg ", pg_ids.size(),
                                 " rows, cs ", cs_ids.size());
        }
      }
    }
  }
  log.Put("pg_checked_queries", static_cast<double>(checked));
  log.Put("pg_mismatched_queries", static_cast<double>(mismatched));
  if (!example.empty()) std::cerr << "pg_compare: differs: " << example << "\n";

  const auto budget = std::chrono::seconds(absl::GetFlag(FLAGS_kind_budget_seconds));
  for (const std::string& kind : claims::bench::QueryKinds()) {
    if (by_kind[kind].empty()) continue;
    absl::StatusOr<claims::bench::KindSamples> samples =
        claims::bench::SampleKind(
            by_kind[kind], runs, n, budget,
            [&](const Query& q, claims::bench::QueryTiming* timing) {
              return RunOne(conn, q, n, &timing->first_ms, &timing->nth_ms,
                            nullptr);
            });
    if (!samples.ok()) return samples.status();
    log.PutPercentiles("pg_" + kind + "_first",
                       claims::bench::Summarize(&samples->first_ms));
    log.PutPercentiles("pg_" + kind + "_nth",
                       claims::bench::Summarize(&samples->nth_ms));
    log.Put("pg_" + kind + "_timeouts", static_cast<double>(samples->timeouts));
  }
  return absl::OkStatus();
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  PGconn* conn = PQconnectdb(absl::GetFlag(FLAGS_pg).c_str());
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::cerr << "pg_compare: connect: " << PQerrorMessage(conn);
    PQfinish(conn);
    return 1;
  }
  claims::ClaimsClient client(nullptr,
                              claims::ClaimsClient::Connect(absl::GetFlag(FLAGS_query)));
  client.set_timeout(absl::Minutes(30));
  claims::bench::ResultLog log(absl::GetFlag(FLAGS_results));
  int exit_code = 0;
  if (absl::GetFlag(FLAGS_load)) {
    if (absl::Status s = Load(conn, client, log); !s.ok()) {
      std::cerr << "pg_compare: load: " << s << "\n";
      exit_code = 1;
    }
  }
  if (exit_code == 0) {
    auto workload = claims::bench::LoadWorkload(absl::GetFlag(FLAGS_workload));
    if (!workload.ok()) {
      std::cerr << "pg_compare: " << workload.status() << "\n";
      exit_code = 1;
    } else if (absl::Status s = RunQueries(conn, client, *workload, log);
               !s.ok()) {
      std::cerr << "pg_compare: queries: " << s << "\n";
      exit_code = 1;
    }
  }
  PQfinish(conn);
  return exit_code;
}
