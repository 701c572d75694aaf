// claimctl: a command-line client over the Claimstore API.
//
//   claimctl ingest FILE|DIR...        ingest articles (with progress)
//   claimctl analyze FILE [--json]     extract without storing
//   claimctl query [--actor A] [--topic T] [--from D] [--to D] [--limit N]
//                  [--order newest|oldest] [--json] [--follow]
//   claimctl actors [--prefix P]       list actors with claim counts
//   claimctl topics                    list topics with claim counts
//   claimctl article ID [--json]       show a stored article and its claims
//   claimctl delete ID                 delete an article
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
#include "absl/strings/str_cat.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/claims_client.h"
#include "common/store/backup.h"
#include "common/server/flags.h"

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
ABSL_FLAG(bool, follow, false, "query: keep streaming new claims (WatchClaims)");
ABSL_FLAG(bool, json, false, "print proto3 JSON (one object per line)");
ABSL_FLAG(std::string, prefix, "", "actors: name/alias prefix");
ABSL_FLAG(int, timeout_seconds, 60, "per-call deadline");
ABSL_FLAG(std::string, token_file, "",
          "file holding the bearer token to send (first non-comment line)");
ABSL_FLAG(std::string, backup_dir, "", "restore: the backup folder");
ABSL_FLAG(std::string, into, "./data",
          "restore: the data root to restore into (the database goes to <into>/db)");

namespace claims {
namespace {

constexpr char kUsage[] =
    "claimctl: command-line client for Claimstore.\n"
    "usage: claimctl COMMAND [ARGS] [FLAGS]\n"
    "  ingest FILE|DIR...   ingest plain-text (.txt) or JSON Article (.json) files\n"
    "  analyze FILE         extract claims without storing (--json for JSON)\n"
    "  query                stream claims: --actor --topic --from --to --limit\n"
    "                       --order --cursor --min_sequence --json --follow\n"
    "  actors               list actors (--prefix, --limit)\n"
    "  topics               list topics with claim counts\n"
    "  article ID           show a stored article and its claims\n"
    "  delete ID            delete a stored article\n"
    "  backup               add a consistent backup on the ingest server\n"
    "  restore              restore the latest backup of --backup_dir into\n"
    "                       <--into>/db (servers stopped, no database there)\n"
    "Every flag can also be set as CLAIMS_<FLAG_NAME>.";

int Fail(const absl::Status& status) {
  std::cerr << "claimctl: " << status << "\n";
  return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
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
  if (path.extension() == ".json") {
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
        std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() &&
            (ext == ".txt" || ext == ".json" || ext == ".md")) {
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
  for (size_t i = 0; i < files.size(); ++i) {
    if (answered[i]) continue;
    ++failed;
    std::fprintf(stderr, "[%zu/%zu] %s: not stored (no answer from the server)\n",
                 i + 1, files.size(), files[i].string().c_str());
  }
  std::fprintf(stderr, "ingested %zu article(s), %llu claims, %d failed\n",
               files.size() - failed, static_cast<unsigned long long>(claims_total),
               failed);
  if (!status.ok()) return Fail(status);
  return failed == 0 ? 0 : 1;
}

int Analyze(ClaimsClient& client, const std::vector<std::string>& args) {
  if (args.size() != 1) return Fail(absl::InvalidArgumentError("analyze: name one file"));
  absl::StatusOr<claims::v1::Article> article = ArticleFromFile(args[0]);
  if (!article.ok()) return Fail(article.status());
  absl::StatusOr<claims::v1::AnalyzeResponse> analysis = client.Analyze(*article);
  if (!analysis.ok()) return Fail(analysis.status());
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << ToJson(*analysis) << "\n";
    return 0;
  }
  const auto& stored = analysis->article();
  std::printf("article %s  \"%s\"  published %s\n", stored.article().id().c_str(),
              stored.article().title().c_str(), stored.effective_published().c_str());
  std::printf("%d sentences, %d mentions, %d time expressions, %d claims\n\n",
              analysis->sentences_size(), analysis->mentions_size(),
              analysis->timexes_size(), analysis->claims_size());
  PrintClaimHeader();
  for (const auto& claim : analysis->claims()) PrintClaimRow(claim);
  return 0;
}

int Query(ClaimsClient& client) {
  std::vector<std::string> actors = absl::GetFlag(FLAGS_actor);
  std::vector<std::string> topics = absl::GetFlag(FLAGS_topic);
  bool json = absl::GetFlag(FLAGS_json);
  if (absl::GetFlag(FLAGS_follow)) {
    claims::v1::WatchClaimsRequest request;
    for (const auto& a : actors) request.add_actors(a);
    for (const auto& t : topics) request.add_topics(t);
    request.set_cursor(absl::GetFlag(FLAGS_cursor));
    if (!json) PrintClaimHeader();
    grpc::ClientContext context;
    absl::Status status = client.WatchClaims(
        request,
        [&](const claims::v1::WatchClaimsResponse& item) {
          if (json) {
            std::cout << ToJson(item) << std::endl;
          } else {
            PrintClaimRow(item.claim());
            std::fflush(stdout);
          }
          return true;
        },
        &context);
    return status.ok() ? 0 : Fail(status);
  }
  claims::v1::QueryClaimsRequest request;
  for (const auto& a : actors) request.add_actors(a);
  for (const auto& t : topics) request.add_topics(t);
  request.set_from(absl::GetFlag(FLAGS_from));
  request.set_to(absl::GetFlag(FLAGS_to));
  request.set_limit(absl::GetFlag(FLAGS_limit));
  request.set_cursor(absl::GetFlag(FLAGS_cursor));
  request.set_min_sequence(absl::GetFlag(FLAGS_min_sequence));
  std::string order = absl::GetFlag(FLAGS_order);
  if (order == "newest") {
    request.set_order(claims::v1::NEWEST_FIRST);
  } else if (order == "oldest") {
    request.set_order(claims::v1::OLDEST_FIRST);
  } else {
    return Fail(absl::InvalidArgumentError("--order: oldest or newest"));
  }
  if (!json) PrintClaimHeader();
  size_t count = 0;
  std::string last_cursor;
  absl::Status status =
      client.QueryClaims(request, [&](const claims::v1::QueryClaimsResponse& item) {
        ++count;
        last_cursor = item.cursor();
        if (json) {
          std::cout << ToJson(item) << "\n";
        } else {
          PrintClaimRow(item.claim());
        }
        return true;
      });
  if (!json) {
    std::fflush(stdout);  // the summary follows the table
    std::fprintf(stderr, "%zu claim(s)%s%s\n", count,
                 last_cursor.empty() ? "" : "; resume with --cursor=",
                 last_cursor.c_str());
  }
  return status.ok() ? 0 : Fail(status);
}

int Actors(ClaimsClient& client) {
  auto actors = client.ListActors(absl::GetFlag(FLAGS_prefix), absl::GetFlag(FLAGS_limit));
  if (!actors.ok()) return Fail(actors.status());
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
  if (!topics.ok()) return Fail(topics.status());
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
  if (args.size() != 1) return Fail(absl::InvalidArgumentError("article: name one id"));
  auto article = client.GetArticle(args[0], /*include_claims=*/true);
  if (!article.ok()) return Fail(article.status());
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << ToJson(*article) << "\n";
    return 0;
  }
  const auto& stored = article->article();
  std::printf("id         %s\ntitle      %s\nauthors    %s\npublished  %s (%s)\n"
              "claims     %u\nsequence   %llu\n\n",
              stored.article().id().c_str(), stored.article().title().c_str(),
              absl::StrJoin(stored.article().authors(), ", ").c_str(),
              stored.effective_published().c_str(),
              claims::v1::DateSource_Name(stored.published_source()).c_str(),
              stored.claim_count(), static_cast<unsigned long long>(stored.sequence()));
  PrintClaimHeader();
  for (const auto& claim : article->claims()) PrintClaimRow(claim);
  return 0;
}

int Backup(ClaimsClient& client) {
  auto made = client.CreateBackup();
  if (!made.ok()) return Fail(made.status());
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

int Delete(ClaimsClient& client, const std::vector<std::string>& args) {
  if (args.size() != 1) return Fail(absl::InvalidArgumentError("delete: name one id"));
  auto deleted = client.DeleteArticle(args[0]);
  if (!deleted.ok()) return Fail(deleted.status());
  std::printf("deleted %s (%u claims, sequence %llu)\n", deleted->article_id().c_str(),
              deleted->claims_deleted(),
              static_cast<unsigned long long>(deleted->sequence()));
  return 0;
}

}  // namespace
}  // namespace claims

int main(int argc, char** argv) {
  std::vector<char*> positional = claims::ParseFlagsWithEnv(argc, argv, claims::kUsage);
  if (positional.size() < 2) {
    std::cerr << claims::kUsage << "\n";
    return 2;
  }
  std::string command = positional[1];
  std::vector<std::string> args(positional.begin() + 2, positional.end());
  claims::ClaimsClient client(
      claims::ClaimsClient::Connect(absl::GetFlag(FLAGS_ingest)),
      claims::ClaimsClient::Connect(absl::GetFlag(FLAGS_query)));
  client.set_timeout(absl::Seconds(absl::GetFlag(FLAGS_timeout_seconds)));
  if (!absl::GetFlag(FLAGS_token_file).empty()) {
    absl::StatusOr<std::string> token = claims::ReadToken(absl::GetFlag(FLAGS_token_file));
    if (!token.ok()) return claims::Fail(token.status());
    client.set_bearer_token(*token);
  }
  if (command == "ingest") return claims::Ingest(client, args);
  if (command == "analyze") return claims::Analyze(client, args);
  if (command == "query") return claims::Query(client);
  if (command == "actors") return claims::Actors(client);
  if (command == "topics") return claims::Topics(client);
  if (command == "article") return claims::Article(client, args);
  if (command == "delete") return claims::Delete(client, args);
  if (command == "backup") return claims::Backup(client);
  if (command == "restore") return claims::Restore();
  std::cerr << "claimctl: unknown command '" << command << "'\n" << claims::kUsage << "\n";
  return 2;
}
