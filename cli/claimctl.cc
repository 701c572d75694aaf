// claimctl: a command-line client over the Claimstore API.
//
//   claimctl ingest FILE|DIR...        ingest articles (with progress)
//   claimctl analyze FILE [--json]     extract without storing
//   claimctl query [filters] [--order newest|oldest] [--json] [--follow]
//   claimctl actors [--prefix P]       list actors with claim counts
//   claimctl topics                    list topics with claim counts
//   claimctl article ID|--url=URL      show a stored article and its claims
//   claimctl articles [--from --to --source]  list stored articles
//   claimctl delete ID                 delete an article
//   claimctl reextract [--all] [--from --to] [--cursor]
//                                      bring stored claims up to date
//   claimctl backup                    add a backup on the ingest server
//   claimctl restore --backup_dir=DIR --into=DATA_ROOT
//                                      restore the latest backup (offline)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <google/protobuf/util/json_util.h>

#include "absl/flags/flag.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/claims_client.h"
#include "common/store/backup.h"
#include "common/server/flags.h"
#include "common/log/log_flags.h"
#include "common/log/log_writer.h"
#include "common/log/nats_log.h"
#include "query_svc/replica_backup.h"

ABSL_FLAG(std::string, ingest, "127.0.0.1:50051", "ingest service address");
ABSL_FLAG(std::string, query, "127.0.0.1:50052", "query service address");
ABSL_FLAG(std::vector<std::string>, actor, {},
          "query: actor ids or aliases (comma-separated: any of them)");
ABSL_FLAG(std::vector<std::string>, topic, {},
          "query: topic ids (comma-separated: any of them)");
ABSL_FLAG(std::string, from, "", "query: start date, inclusive (YYYY[-MM[-DD]])");
ABSL_FLAG(std::string, to, "", "query: end date, exclusive (YYYY[-MM[-DD]])");
ABSL_FLAG(uint32_t, limit, 0, "query/actors: at most this many results (0 = all)");
ABSL_FLAG(std::string, order, "oldest", "query: oldest or newest first");
ABSL_FLAG(std::string, cursor, "", "query: resume after this cursor");
ABSL_FLAG(uint64_t, min_sequence, 0,
          "query: wait until the query side has applied this ingest sequence");
ABSL_FLAG(int32_t, min_sequence_shard, -1,
          "query: the shard --min_sequence belongs to (the ingest reply's "
          "shard; needed when the log has several shards); -1 = unset");
ABSL_FLAG(bool, follow, false, "query: keep streaming new claims (WatchClaims)");
ABSL_FLAG(bool, json, false, "print proto3 JSON (one object per line)");
ABSL_FLAG(std::string, prefix, "", "actors: name/alias prefix");
ABSL_FLAG(int, timeout_seconds, 60, "per-call deadline");
ABSL_FLAG(std::string, token_file, "",
          "file holding the bearer token to send (first non-comment line)");
ABSL_FLAG(std::string, backup_dir, "",
          "restore: the backup folder; replica-backup: the folder that holds "
          "replica backups (shard-<S>/position-<P>/)");
ABSL_FLAG(std::vector<std::string>, replicas, {},
          "log: query replicas (host:port, comma-separated) whose applied log "
          "position to show (asks each for its StateDigest, which reads its "
          "whole database)");
ABSL_FLAG(uint32_t, shard, 0, "log: the shard the --replicas follow");
ABSL_FLAG(int, keep, 0,
          "replica-backup: keep the newest N backups of the shard, delete "
          "older ones (0 = keep all)");
ABSL_FLAG(std::string, into, "./data",
          "restore: the data root to restore into (the database goes to <into>/db)");
ABSL_FLAG(std::vector<std::string>, type, {},
          "query: claim types, comma-separated (event, statement, stance, "
          "assessment, quantity, attribute)");
ABSL_FLAG(std::vector<std::string>, modality, {},
          "query: modalities, comma-separated (asserted, reported, hedged, "
          "negated, hypothetical)");
ABSL_FLAG(double, min_confidence, 0, "query: only claims at least this sure (0..1)");
ABSL_FLAG(std::vector<std::string>, article, {},
          "query: only claims of these article ids (comma-separated)");
ABSL_FLAG(bool, expand_countries, false,
          "query: a country in --actor also matches the actors affiliated with it");
ABSL_FLAG(std::string, date_field, "effective",
          "query: the date --from/--to apply to: effective, event or published");
ABSL_FLAG(std::string, url, "", "article: look the article up by its URL");
ABSL_FLAG(std::string, source, "",
          "articles: only articles whose URL has this host");
ABSL_FLAG(bool, all, false,
          "reextract: every article in range, not only those extracted by "
          "another extractor or knowledge-base version");

namespace claims {
namespace {

constexpr char kUsage[] =
    "command-line client for Claimstore.\n"
    "usage: claimctl COMMAND [ARGS] [FLAGS]\n"
    "commands:\n"
    "  ingest FILE|DIR...   ingest plain-text (.txt, .md), HTML (.html, .htm)\n"
    "                       or JSON Article (.json) files\n"
    "  analyze FILE         extract claims without storing (--json for JSON)\n"
    "  query                stream claims: --actor --topic --from --to --type\n"
    "                       --modality --min_confidence --article\n"
    "                       --expand_countries --date_field --limit --order\n"
    "                       --cursor --min_sequence --min_sequence_shard --json --follow\n"
    "  actors               list actors (--prefix, --limit)\n"
    "  topics               list topics with claim counts\n"
    "  article ID           show a stored article and its claims (or --url=URL)\n"
    "  articles             list stored articles, newest first: --from --to\n"
    "                       --source --limit (page size) --cursor --json\n"
    "  delete ID            delete a stored article\n"
    "  reextract            re-run extraction over stored articles extracted by\n"
    "                       another version (--all: every one; --from --to;\n"
    "                       --cursor resumes an interrupted run)\n"
    "  backup               add a consistent backup on the ingest server\n"
    "  restore              restore the latest backup of --backup_dir into\n"
    "                       <--into>/db (servers stopped, no database there)\n"
    "  replica-backup       replicated mode: copy a consistent checkpoint of the\n"
    "                       query replica at --query into --backup_dir\n"
    "                       (--keep=N prunes); a new replica starts from it\n"
    "                       with --bootstrap_from=file://<backup_dir>\n"
    "  log                  replicated mode: the log at --log=nats://HOST:PORT[,...]\n"
    "                       (or CLAIMS_LOG, as the servers): each shard's stream,\n"
    "                       first and last position, leader and copies; with\n"
    "                       --replicas, their applied positions (--shard)\n"
    "Every flag can also be set as CLAIMS_<FLAG_NAME>.";

// A server a command talks to, named in its errors.
struct Server {
  const char* role;     // "ingest" or "query", also the address flag
  const char* service;  // the gRPC service it must serve
  std::string address;
};
Server g_ingest{"ingest", "claims.v1.IngestService", ""};
Server g_query{"query", "claims.v1.QueryService", ""};

// One line that says what went wrong and what to check.
std::string Explain(const absl::Status& status, const Server* server) {
  std::string message = absl::StrReplaceAll(status.message(), {{"\n", " "}});
  if (server != nullptr) {
    switch (status.code()) {
      case absl::StatusCode::kUnavailable:
        return absl::StrCat("cannot reach the ", server->role, " server at ",
                            server->address, " (", message,
                            "); is it running, and is --", server->role,
                            " its address?");
      case absl::StatusCode::kUnimplemented:
        return absl::StrCat(server->address, " does not serve ",
                            server->service, "; is --", server->role,
                            " the ", server->role, " server's address?");
      case absl::StatusCode::kDeadlineExceeded:
        return absl::StrCat("no answer from the ", server->role, " server at ",
                            server->address, " in time (", message,
                            "); see --timeout_seconds");
      case absl::StatusCode::kUnauthenticated:
        return absl::StrCat("the ", server->role, " server at ", server->address,
                            " refused the call (", message, "); see --token_file");
      default:
        break;
    }
  }
  return absl::StrCat(absl::StatusCodeToString(status.code()), ": ", message);
}

int Fail(const absl::Status& status, const Server* server = nullptr) {
  std::cerr << "claimctl: " << Explain(status, server) << "\n";
  return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
}

// Tells the user about query names that match nothing, on stderr.
void ReportNotes(const QueryNotes& notes) {
  for (const std::string& actor : notes.unknown_actors) {
    std::cerr << "claimctl: note: no actor is known as \"" << actor
              << "\" (claimctl actors --prefix=... lists them)\n";
  }
  for (const std::string& topic : notes.unknown_topics) {
    std::cerr << "claimctl: note: no topic \"" << topic
              << "\" in the taxonomy (claimctl topics lists them)\n";
  }
}

std::string ToJson(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// A .json file holds an Article in proto3 JSON; anything else is the body.
absl::StatusOr<claims::v1::Article> ArticleFromFile(
    const std::filesystem::path& path) {
  absl::StatusOr<std::string> content = ReadFile(path);
  if (!content.ok()) return content.status();
  claims::v1::Article article;
  const std::string ext = absl::AsciiStrToLower(path.extension().string());
  if (ext == ".html" || ext == ".htm") {
    article.set_content_type("text/html");
    article.set_body(*std::move(content));
  } else if (ext == ".json") {
    auto parsed = google::protobuf::util::JsonStringToMessage(*content, &article);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path.string(), ": ", parsed.ToString()));
    }
  } else {
    article.set_body(*std::move(content));
  }
  return article;
}

std::vector<std::filesystem::path> ExpandPaths(
    const std::vector<std::string>& args) {
  std::vector<std::filesystem::path> files;
  for (const std::string& arg : args) {
    if (std::filesystem::is_directory(arg)) {
      std::vector<std::filesystem::path> in_dir;
      for (const auto& entry :
           std::filesystem::recursive_directory_iterator(arg)) {
        std::string ext = absl::AsciiStrToLower(entry.path().extension().string());
        if (entry.is_regular_file() &&
            (ext == ".txt" || ext == ".json" || ext == ".md" || ext == ".html" ||
             ext == ".htm")) {
          in_dir.push_back(entry.path());
        }
      }
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else {
      files.emplace_back(arg);
    }
  }
  return files;
}

std::string Names(const google::protobuf::RepeatedPtrField<claims::v1::ActorRef>& refs) {
  std::vector<std::string> names;
  for (const auto& ref : refs) names.push_back(ref.name().empty() ? ref.id() : ref.name());
  return absl::StrJoin(names, ", ");
}

std::string Clip(std::string text, size_t width) {
  if (text.size() <= width) return text;
  size_t cut = width - 3;
  // Never cut inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

void PrintClaimHeader() {
  std::printf("%-10s  %-10s  %-9s  %-24s  %-14s  %-24s  %-26s  %s\n", "DATE",
              "TYPE", "MODALITY", "SUBJECTS", "PREDICATE", "OBJECTS", "TOPICS",
              "TEXT");
}

void PrintClaimRow(const claims::v1::Claim& claim) {
  std::string date = claim.event_date().empty() ? claim.published() : claim.event_date();
  std::printf("%-10s  %-10s  %-9s  %-24s  %-14s  %-24s  %-26s  %s\n",
              date.c_str(), claims::v1::ClaimType_Name(claim.type()).c_str(),
              claims::v1::Modality_Name(claim.modality()).c_str(),
              Clip(Names(claim.subjects()), 24).c_str(),
              Clip(claim.predicate(), 14).c_str(),
              Clip(Names(claim.objects()), 24).c_str(),
              Clip(absl::StrJoin(claim.topics(), ","), 26).c_str(),
              Clip(claim.text(), 80).c_str());
}

// The first line of a token file that is neither blank nor a comment.
absl::StatusOr<std::string> ReadToken(const std::string& path) {
  absl::StatusOr<std::string> content = ReadFile(path);
  if (!content.ok()) return content.status();
  for (absl::string_view line : absl::StrSplit(*content, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (!line.empty() && line.front() != '#') return std::string(line);
  }
  return absl::InvalidArgumentError(absl::StrCat(path, " holds no token"));
}

int Ingest(ClaimsClient& client, const std::vector<std::string>& args) {
  if (args.empty()) return Fail(absl::InvalidArgumentError("ingest: name files or folders"));
  std::vector<std::filesystem::path> files = ExpandPaths(args);
  std::vector<claims::v1::Article> articles;
  for (const auto& file : files) {
    absl::StatusOr<claims::v1::Article> article = ArticleFromFile(file);
    if (!article.ok()) return Fail(article.status());
    articles.push_back(*std::move(article));
  }
  int failed = 0;
  uint64_t claims_total = 0;
  // Which articles the server answered: any other was not stored.
  std::vector<bool> answered(files.size(), false);
  absl::Status status = client.IngestArticles(
      articles, [&](const claims::v1::IngestArticlesResponse& reply) {
        if (reply.index() >= files.size()) return;
        answered[reply.index()] = true;
        const std::string& name = files[reply.index()].string();
        if (reply.code() != 0) {
          ++failed;
          std::fprintf(stderr, "[%llu/%zu] %s: error %d: %s\n",
                       static_cast<unsigned long long>(reply.index() + 1),
                       files.size(), name.c_str(), reply.code(),
                       reply.message().c_str());
          return;
        }
        claims_total += reply.result().claim_count();
        std::fprintf(stderr, "[%llu/%zu] %s -> %s: %u claims%s (sequence %llu)\n",
                     static_cast<unsigned long long>(reply.index() + 1),
                     files.size(), name.c_str(),
                     reply.result().article_id().c_str(),
                     reply.result().claim_count(),
                     reply.result().unchanged()  ? ", unchanged"
                     : reply.result().replaced() ? ", replaced"
                                                 : "",
                     static_cast<unsigned long long>(reply.result().sequence()));
      });
  // A server that answered nothing (down, wrong address): one line.
  if (!status.ok() && std::none_of(answered.begin(), answered.end(), [](bool a) { return a; })) {
    return Fail(status, &g_ingest);
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (answered[i]) continue;
    ++failed;
    std::fprintf(stderr, "[%zu/%zu] %s: not stored (no answer from the server)\n",
                 i + 1, files.size(), files[i].string().c_str());
  }
  std::fprintf(stderr, "ingested %zu article(s), %llu claims, %d failed\n",
               files.size() - failed, static_cast<unsigned long long>(claims_total),
               failed);
  if (!status.ok()) return Fail(status, &g_ingest);
  return failed == 0 ? 0 : 1;
}

int Analyze(ClaimsClient& client, const std::vector<std::string>& args) {
  if (args.size() != 1) return Fail(absl::InvalidArgumentError("analyze: name one file"));
  absl::StatusOr<claims::v1::Article> article = ArticleFromFile(args[0]);
  if (!article.ok()) return Fail(article.status());
  absl::StatusOr<claims::v1::AnalyzeResponse> analysis = client.Analyze(*article);
  if (!analysis.ok()) return Fail(analysis.status(), &g_ingest);
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << ToJson(*analysis) << "\n";
    return 0;
  }
  const auto& stored = analysis->article();
  std::printf("article %s  \"%s\"  published %s  language %s%s\n",
              stored.article().id().c_str(), stored.article().title().c_str(),
              stored.effective_published().c_str(), stored.language().c_str(),
              stored.content_type() == "text/html"
                  ? "  (HTML: offsets point into the extracted text)"
                  : "");
  std::printf("%d sentences, %d mentions, %d time expressions, %d claims\n\n",
              analysis->sentences_size(), analysis->mentions_size(),
              analysis->timexes_size(), analysis->claims_size());
  PrintClaimHeader();
  for (const auto& claim : analysis->claims()) PrintClaimRow(claim);
  return 0;
}

// Enum values named on the command line ("event", "REPORTED").
template <typename Enum>
absl::Status ParseEnumList(const std::vector<std::string>& names,
                           const char* flag,
                           bool (*parse)(const std::string&, Enum*),
                           const google::protobuf::EnumDescriptor* descriptor,
                           google::protobuf::RepeatedField<int>* out) {
  for (const std::string& name : names) {
    Enum value;
    if (!parse(absl::AsciiStrToUpper(name), &value) || value == Enum()) {
      std::vector<std::string> known;
      for (int i = 1; i < descriptor->value_count(); ++i) {
        known.push_back(absl::AsciiStrToLower(descriptor->value(i)->name()));
      }
      return absl::InvalidArgumentError(absl::StrCat(
          "--", flag, ": unknown value \"", name, "\" (one of ",
          absl::StrJoin(known, ", "), ")"));
    }
    out->Add(value);
  }
  return absl::OkStatus();
}

// The filters of QueryClaimsRequest from the flags (WatchClaimsRequest
// takes the same).
absl::StatusOr<claims::v1::QueryClaimsRequest> FiltersFromFlags() {
  claims::v1::QueryClaimsRequest request;
  for (const auto& a : absl::GetFlag(FLAGS_actor)) request.add_actors(a);
  for (const auto& t : absl::GetFlag(FLAGS_topic)) request.add_topics(t);
  for (const auto& id : absl::GetFlag(FLAGS_article)) request.add_article_ids(id);
  request.set_from(absl::GetFlag(FLAGS_from));
  request.set_to(absl::GetFlag(FLAGS_to));
  absl::Status parsed = ParseEnumList<claims::v1::ClaimType>(
      absl::GetFlag(FLAGS_type), "type", &claims::v1::ClaimType_Parse,
      claims::v1::ClaimType_descriptor(), request.mutable_types());
  if (!parsed.ok()) return parsed;
  parsed = ParseEnumList<claims::v1::Modality>(
      absl::GetFlag(FLAGS_modality), "modality", &claims::v1::Modality_Parse,
      claims::v1::Modality_descriptor(), request.mutable_modalities());
  if (!parsed.ok()) return parsed;
  const double min_confidence = absl::GetFlag(FLAGS_min_confidence);
  if (min_confidence < 0 || min_confidence > 1) {
    return absl::InvalidArgumentError("--min_confidence: a number in [0, 1]");
  }
  request.set_min_confidence(static_cast<float>(min_confidence));
  request.set_expand_countries(absl::GetFlag(FLAGS_expand_countries));
  const std::string date_field = absl::GetFlag(FLAGS_date_field);
  if (date_field == "effective") {
    request.set_date_field(claims::v1::DATE_FIELD_EFFECTIVE);
  } else if (date_field == "event") {
    request.set_date_field(claims::v1::DATE_FIELD_EVENT);
  } else if (date_field == "published") {
    request.set_date_field(claims::v1::DATE_FIELD_PUBLISHED);
  } else {
    return absl::InvalidArgumentError(
        "--date_field: effective, event or published");
  }
  const std::string order = absl::GetFlag(FLAGS_order);
  if (order == "newest") {
    request.set_order(claims::v1::NEWEST_FIRST);
  } else if (order == "oldest") {
    request.set_order(claims::v1::OLDEST_FIRST);
  } else {
    return absl::InvalidArgumentError("--order: oldest or newest");
  }
  request.set_limit(absl::GetFlag(FLAGS_limit));
  request.set_cursor(absl::GetFlag(FLAGS_cursor));
  request.set_min_sequence(absl::GetFlag(FLAGS_min_sequence));
  if (absl::GetFlag(FLAGS_min_sequence_shard) >= 0) {
    request.set_min_sequence_shard(
        static_cast<uint32_t>(absl::GetFlag(FLAGS_min_sequence_shard)));
  }
  return request;
}

// The watch with the query's filters: the two requests name them alike,
// so protobuf's JSON mapping carries them over (and fails on a query field
// a watch does not have).
absl::StatusOr<claims::v1::WatchClaimsRequest> WatchFromQuery(
    const claims::v1::QueryClaimsRequest& query) {
  claims::v1::QueryClaimsRequest filters = query;
  filters.clear_limit();
  filters.clear_order();
  filters.clear_min_sequence();
  filters.clear_min_sequence_shard();
  filters.clear_min_shard_sequences();
  claims::v1::WatchClaimsRequest watch;
  auto parsed = google::protobuf::util::JsonStringToMessage(ToJson(filters), &watch);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--follow cannot take this filter: ", parsed.ToString()));
  }
  return watch;
}

int Follow(ClaimsClient& client, const claims::v1::QueryClaimsRequest& query) {
  const bool json = absl::GetFlag(FLAGS_json);
  absl::StatusOr<claims::v1::WatchClaimsRequest> watch = WatchFromQuery(query);
  if (!watch.ok()) return Fail(watch.status());
  // A one-claim query first: it checks the server is there and reports
  // names that match nothing before the watch goes quiet.
  claims::v1::QueryClaimsRequest probe = query;
  probe.set_limit(1);
  probe.clear_cursor();
  QueryNotes notes;
  absl::Status probed = client.QueryClaims(
      probe, [](const claims::v1::QueryClaimsResponse&) { return true; }, &notes);
  if (!probed.ok()) return Fail(probed, &g_query);
  ReportNotes(notes);
  bool header = json;
  grpc::ClientContext context;
  absl::Status status = client.WatchClaims(
      *watch,
      [&](const claims::v1::WatchClaimsResponse& item) {
        if (json) {
          std::cout << ToJson(item) << std::endl;
        } else {
          if (!header) PrintClaimHeader();
          header = true;
          PrintClaimRow(item.claim());
          std::fflush(stdout);
        }
        return true;
      },
      &context);
  return status.ok() ? 0 : Fail(status, &g_query);
}

int Query(ClaimsClient& client) {
  absl::StatusOr<claims::v1::QueryClaimsRequest> request = FiltersFromFlags();
  if (!request.ok()) return Fail(request.status());
  if (absl::GetFlag(FLAGS_follow)) return Follow(client, *request);
  const bool json = absl::GetFlag(FLAGS_json);
  size_t count = 0;
  std::string last_cursor;
  QueryNotes notes;
  // The table header goes out with the first row, so a failed call prints
  // nothing on stdout.
  absl::Status status = client.QueryClaims(
      *request,
      [&](const claims::v1::QueryClaimsResponse& item) {
        last_cursor = item.cursor();
        if (json) {
          std::cout << ToJson(item) << "\n";
        } else {
          if (count == 0) PrintClaimHeader();
          PrintClaimRow(item.claim());
        }
        ++count;
        return true;
      },
      &notes);
  std::fflush(stdout);
  if (!status.ok()) return Fail(status, &g_query);
  ReportNotes(notes);
  if (!json) {
    std::fprintf(stderr, "%zu claim(s)%s%s\n", count,
                 last_cursor.empty() ? "" : "; resume with --cursor=",
                 last_cursor.c_str());
  }
  return 0;
}

int Actors(ClaimsClient& client) {
  auto actors = client.ListActors(absl::GetFlag(FLAGS_prefix), absl::GetFlag(FLAGS_limit));
  if (!actors.ok()) return Fail(actors.status(), &g_query);
  if (absl::GetFlag(FLAGS_json)) {
    for (const auto& actor : actors->actors()) std::cout << ToJson(actor) << "\n";
    return 0;
  }
  std::printf("%-28s  %-28s  %-12s  %-7s  %6s  %s\n", "ID", "NAME", "TYPE", "COUNTRY",
              "CLAIMS", "ALIASES");
  for (const auto& actor : actors->actors()) {
    std::printf("%-28s  %-28s  %-12s  %-7s  %6llu  %s\n", Clip(actor.id(), 28).c_str(),
                Clip(actor.name(), 28).c_str(),
                claims::v1::ActorType_Name(actor.type()).c_str(), actor.country().c_str(),
                static_cast<unsigned long long>(actor.claim_count()),
                Clip(absl::StrJoin(actor.aliases(), "; "), 60).c_str());
  }
  return 0;
}

int Topics(ClaimsClient& client) {
  auto topics = client.ListTopics();
  if (!topics.ok()) return Fail(topics.status(), &g_query);
  if (absl::GetFlag(FLAGS_json)) {
    for (const auto& topic : topics->topics()) std::cout << ToJson(topic) << "\n";
    return 0;
  }
  std::printf("%-28s  %-32s  %-16s  %s\n", "ID", "LABEL", "IPTC", "CLAIMS");
  for (const auto& topic : topics->topics()) {
    std::printf("%-28s  %-32s  %-16s  %llu\n", topic.id().c_str(),
                Clip(topic.label(), 32).c_str(), topic.iptc_code().c_str(),
                static_cast<unsigned long long>(topic.claim_count()));
  }
  return 0;
}

int Article(ClaimsClient& client, const std::vector<std::string>& args) {
  claims::v1::GetArticleRequest request;
  request.set_url(absl::GetFlag(FLAGS_url));
  if (args.size() == 1 && request.url().empty()) {
    request.set_article_id(args[0]);
  } else if (!args.empty() || request.url().empty()) {
    return Fail(absl::InvalidArgumentError("article: name one id, or give --url"));
  }
  request.set_include_claims(true);
  auto article = client.GetArticle(request);
  if (!article.ok()) return Fail(article.status(), &g_query);
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << ToJson(*article) << "\n";
    return 0;
  }
  const auto& stored = article->article();
  std::printf("id         %s\ntitle      %s\nauthors    %s\npublished  %s (%s)\n"
              "url        %s\nlanguage   %s\ncontent    %s\ntopics     %s\nclaims     %u%s\n"
              "sequence   %llu\nextractor  %s\n\n",
              stored.article().id().c_str(), stored.article().title().c_str(),
              absl::StrJoin(stored.article().authors(), ", ").c_str(),
              stored.effective_published().c_str(),
              claims::v1::DateSource_Name(stored.published_source()).c_str(),
              stored.article().url().c_str(), stored.language().c_str(),
              stored.content_type() == "text/html"
                  ? "text/html (claim offsets point into the extracted text)"
                  : stored.content_type().c_str(),
              absl::StrJoin(stored.topics(), ", ").c_str(), stored.claim_count(),
              stored.claims_withheld() ? " (withheld: language not supported)" : "",
              static_cast<unsigned long long>(stored.sequence()),
              stored.extractor_version().c_str());
  PrintClaimHeader();
  for (const auto& claim : article->claims()) PrintClaimRow(claim);
  return 0;
}

int Backup(ClaimsClient& client) {
  auto made = client.CreateBackup();
  if (!made.ok()) return Fail(made.status(), &g_ingest);
  std::printf("backup %u: sequence %llu, %llu bytes in %u files, in %s\n",
              made->backup_id(), static_cast<unsigned long long>(made->sequence()),
              static_cast<unsigned long long>(made->size_bytes()), made->files(),
              made->backup_dir().c_str());
  return 0;
}

int Restore() {
  if (absl::GetFlag(FLAGS_backup_dir).empty()) {
    return Fail(absl::InvalidArgumentError("restore: --backup_dir is required"));
  }
  std::string db_dir =
      (std::filesystem::path(absl::GetFlag(FLAGS_into)) / "db").string();
  auto restored = RestoreLatestBackup(absl::GetFlag(FLAGS_backup_dir), db_dir);
  if (!restored.ok()) return Fail(restored.status());
  std::printf("restored backup %u (sequence %llu) into %s\n", restored->id,
              static_cast<unsigned long long>(restored->sequence), db_dir.c_str());
  return 0;
}

int ReplicaBackupCommand(const std::string& token) {
  if (absl::GetFlag(FLAGS_backup_dir).empty()) {
    return Fail(absl::InvalidArgumentError("replica-backup: --backup_dir is required"));
  }
  auto made = BackupReplica(g_query.address, absl::GetFlag(FLAGS_backup_dir),
                            absl::GetFlag(FLAGS_keep), token);
  if (!made.ok()) return Fail(made.status(), &g_query);
  std::printf("replica backup of shard %u: log position %llu, sequence %llu, in %s\n",
              made->shard, static_cast<unsigned long long>(made->log_position),
              static_cast<unsigned long long>(made->sequence), made->dir.c_str());
  return 0;
}

// `claimctl log`: what the log and (optionally) replicas say about
// themselves. JetStream's view of its copies is shown, not trusted.
int ShowLog(const std::string& token) {
  if (!ReplicatedModeFromFlags()) {
    return Fail(absl::InvalidArgumentError(
        "log: name the log with --log=nats://HOST:PORT[,HOST:PORT...] (or CLAIMS_LOG)"));
  }
  absl::StatusOr<NatsLogOptions> options = NatsLogOptionsFromFlags();
  if (!options.ok()) return Fail(options.status());
  absl::StatusOr<std::unique_ptr<NatsLog>> log = NatsLog::Connect(*options);
  if (absl::IsUnavailable(log.status())) {
    return Fail(absl::UnavailableError(absl::StrCat(
        "cannot reach the log at ", absl::GetFlag(FLAGS_log), " (", log.status().message(),
        "); is NATS running, and is --log its address?")));
  }
  if (!log.ok()) return Fail(log.status());
  absl::StatusOr<uint32_t> shards = ReadShardCount(log->get());
  if (absl::IsNotFound(shards.status())) {
    return Fail(absl::NotFoundError(
        "the log has no streams yet (an ingest server with --log creates them)"));
  }
  if (!shards.ok()) return Fail(shards.status());
  std::printf("log %s: %u shard(s)\n", absl::GetFlag(FLAGS_log).c_str(), *shards);
  std::printf("%-5s  %-16s  %10s  %10s  %10s  %12s  %-8s  %s\n", "SHARD", "STREAM", "FIRST",
              "LAST", "MESSAGES", "BYTES", "LEADER", "COPIES (as the leader reports them)");
  std::vector<uint64_t> last(*shards, 0);
  int failures = 0;
  for (uint32_t shard = 0; shard < *shards; ++shard) {
    absl::StatusOr<NatsLog::StreamStatus> st = (*log)->Status(shard);
    if (!st.ok()) {
      std::fprintf(stderr, "claimctl: shard %u: %s\n", shard, st.status().ToString().c_str());
      ++failures;
      continue;
    }
    last[shard] = st->last_position;
    std::vector<std::string> peers;
    for (const auto& p : st->peers) {
      peers.push_back(absl::StrCat(p.name, p.offline ? " offline" : "",
                                   p.current ? " current" : " behind", " lag ", p.lag));
    }
    std::printf("%-5u  %-16s  %10llu  %10llu  %10llu  %12llu  %-8s  %s\n", shard,
                st->stream.c_str(), static_cast<unsigned long long>(st->first_position),
                static_cast<unsigned long long>(st->last_position),
                static_cast<unsigned long long>(st->messages),
                static_cast<unsigned long long>(st->bytes),
                st->leader.empty() ? "-" : st->leader.c_str(),
                peers.empty() ? "-" : absl::StrJoin(peers, ", ").c_str());
  }
  const uint32_t shard = absl::GetFlag(FLAGS_shard);
  for (const std::string& address : absl::GetFlag(FLAGS_replicas)) {
    ClaimsClient replica(nullptr, ClaimsClient::Connect(address));
    replica.set_timeout(absl::Seconds(absl::GetFlag(FLAGS_timeout_seconds)));
    if (!token.empty()) replica.set_bearer_token(token);
    absl::StatusOr<claims::v1::StateDigestResponse> digest = replica.StateDigest();
    if (!digest.ok()) {
      std::printf("replica %s: %s\n", address.c_str(),
                  Explain(digest.status(), nullptr).c_str());
      ++failures;
      continue;
    }
    const uint64_t at = digest->log_position();
    const uint64_t top = shard < last.size() ? last[shard] : 0;
    std::printf("replica %s: shard %u position %llu (%llu behind), sequence %llu, digest %.16s\n",
                address.c_str(), shard, static_cast<unsigned long long>(at),
                static_cast<unsigned long long>(top > at ? top - at : 0),
                static_cast<unsigned long long>(digest->sequence()), digest->digest().c_str());
  }
  return failures == 0 ? 0 : 1;
}

int Articles(ClaimsClient& client) {
  claims::v1::ListArticlesRequest request;
  request.set_from(absl::GetFlag(FLAGS_from));
  request.set_to(absl::GetFlag(FLAGS_to));
  request.set_source_host(absl::GetFlag(FLAGS_source));
  request.set_page_size(absl::GetFlag(FLAGS_limit));
  request.set_page_token(absl::GetFlag(FLAGS_cursor));
  auto page = client.ListArticles(request);
  if (!page.ok()) return Fail(page.status(), &g_query);
  if (absl::GetFlag(FLAGS_json)) {
    for (const auto& article : page->articles()) std::cout << ToJson(article) << "\n";
  } else if (page->articles_size() > 0) {
    std::printf("%-24s  %-10s  %-4s  %6s  %-40s  %s\n", "ID", "PUBLISHED", "LANG",
                "CLAIMS", "TITLE", "URL");
    for (const auto& a : page->articles()) {
      std::printf("%-24s  %-10s  %-4s  %6u  %-40s  %s\n",
                  Clip(a.article().id(), 24).c_str(), a.effective_published().c_str(),
                  a.language().c_str(), a.claim_count(),
                  Clip(a.article().title(), 40).c_str(), a.article().url().c_str());
    }
  }
  std::fflush(stdout);
  std::fprintf(stderr, "%d article(s)%s%s\n", page->articles_size(),
               page->next_page_token().empty() ? "" : "; next page with --cursor=",
               page->next_page_token().c_str());
  return 0;
}

int Reextract(ClaimsClient& client) {
  claims::v1::ReextractRequest request;
  request.set_all(absl::GetFlag(FLAGS_all));
  request.set_from(absl::GetFlag(FLAGS_from));
  request.set_to(absl::GetFlag(FLAGS_to));
  request.set_cursor(absl::GetFlag(FLAGS_cursor));
  claims::v1::ReextractProgress last;
  absl::Status status =
      client.Reextract(request, [&](const claims::v1::ReextractProgress& p) {
        last = p;
        if (p.done()) return;
        if (p.code() != 0) {
          std::fprintf(stderr, "[%llu/%llu] %s: error %d: %s\n",
                       static_cast<unsigned long long>(p.examined()),
                       static_cast<unsigned long long>(p.total()),
                       p.article_id().c_str(), p.code(), p.message().c_str());
        } else if (p.reextracted()) {
          std::fprintf(stderr, "[%llu/%llu] %s: %u claims (sequence %llu)\n",
                       static_cast<unsigned long long>(p.examined()),
                       static_cast<unsigned long long>(p.total()),
                       p.article_id().c_str(), p.claim_count(),
                       static_cast<unsigned long long>(p.sequence()));
        }
      });
  if (!status.ok()) {
    if (!last.cursor().empty()) {
      std::fprintf(stderr, "claimctl: interrupted; resume with --cursor=%s\n",
                   last.cursor().c_str());
    }
    return Fail(status, &g_ingest);
  }
  std::printf("re-extracted %llu of %llu article(s) examined (%llu stored), "
              "%llu failed, %.1f articles/s, to %s\n",
              static_cast<unsigned long long>(last.reextracted_total()),
              static_cast<unsigned long long>(last.examined()),
              static_cast<unsigned long long>(last.total()),
              static_cast<unsigned long long>(last.failed()), last.rate(),
              last.extractor_version().c_str());
  return last.failed() == 0 ? 0 : 1;
}

int Delete(ClaimsClient& client, const std::vector<std::string>& args) {
  if (args.size() != 1) return Fail(absl::InvalidArgumentError("delete: name one id"));
  auto deleted = client.DeleteArticle(args[0]);
  if (!deleted.ok()) return Fail(deleted.status(), &g_ingest);
  std::printf("deleted %s (%u claims, sequence %llu)\n", deleted->article_id().c_str(),
              deleted->claims_deleted(),
              static_cast<unsigned long long>(deleted->sequence()));
  return 0;
}

}  // namespace
}  // namespace claims

int main(int argc, char** argv) {
  // --help lists this program's own flags, whatever source paths the build
  // recorded (the servers' flags linked in with the restore code are not
  // claimctl's).
  absl::FlagsUsageConfig usage;
  usage.contains_help_flags = [](absl::string_view file) {
    return absl::StrContains(file, "claimctl") || absl::StrContains(file, "log_flags");
  };
  usage.contains_helpshort_flags = usage.contains_help_flags;
  absl::SetFlagsUsageConfig(usage);
  std::vector<char*> positional = claims::ParseFlagsWithEnv(argc, argv, claims::kUsage);
  if (positional.size() < 2) {
    std::cerr << "claimctl: name a command (claimctl --help lists them)\n";
    return 2;
  }
  claims::g_ingest.address = absl::GetFlag(FLAGS_ingest);
  claims::g_query.address = absl::GetFlag(FLAGS_query);
  std::string command = positional[1];
  std::vector<std::string> args(positional.begin() + 2, positional.end());
  claims::ClaimsClient client(
      claims::ClaimsClient::Connect(absl::GetFlag(FLAGS_ingest)),
      claims::ClaimsClient::Connect(absl::GetFlag(FLAGS_query)));
  client.set_timeout(absl::Seconds(absl::GetFlag(FLAGS_timeout_seconds)));
  std::string token;
  if (!absl::GetFlag(FLAGS_token_file).empty()) {
    absl::StatusOr<std::string> read = claims::ReadToken(absl::GetFlag(FLAGS_token_file));
    if (!read.ok()) return claims::Fail(read.status());
    token = *read;
    client.set_bearer_token(token);
  }
  if (command == "ingest") return claims::Ingest(client, args);
  if (command == "analyze") return claims::Analyze(client, args);
  if (command == "query") return claims::Query(client);
  if (command == "actors") return claims::Actors(client);
  if (command == "topics") return claims::Topics(client);
  if (command == "article") return claims::Article(client, args);
  if (command == "delete") return claims::Delete(client, args);
  if (command == "articles") return claims::Articles(client);
  if (command == "reextract") return claims::Reextract(client);
  if (command == "backup") return claims::Backup(client);
  if (command == "restore") return claims::Restore();
  if (command == "replica-backup") return claims::ReplicaBackupCommand(token);
  if (command == "log") return claims::ShowLog(token);
  std::cerr << "claimctl: unknown command '" << command
            << "' (claimctl --help lists them)\n";
  return 2;
}
