// identity_eval: extracts and stores a set of articles in one fresh store,
// in date order, and writes each article's mentions with the actor ids the
// store gives them (after cross-article identity, see
// common/store/actor_identity.h). eval/score_identity.py scores the output.
//
//   identity_eval --set=eval/sets/identity.jsonl --out=/tmp/ids.jsonl
//
// Input lines: {"id", "published", "title", "body"} (other fields ignored).
// Output lines: {"id", "mentions": [{"start", "end", "actor_id"}]}, byte
// offsets into the body.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/extract/extractor.h"
#include "common/store/actor_identity.h"
#include "common/store/claim_store.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace {

std::string Flag(int argc, char** argv, const std::string& name,
                 const std::string& def) {
  const std::string prefix = absl::StrCat("--", name, "=");
  for (int i = 1; i < argc; ++i) {
    if (absl::StartsWith(argv[i], prefix)) return argv[i] + prefix.size();
  }
  return def;
}

std::string Field(const google::protobuf::Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  return it == s.fields().end() ? "" : it->second.string_value();
}

std::string Json(const std::string& id, const claims::v1::AnalyzeResponse& r) {
  google::protobuf::Struct out;
  (*out.mutable_fields())["id"].set_string_value(id);
  auto* list = (*out.mutable_fields())["mentions"].mutable_list_value();
  for (const auto& m : r.mentions()) {
    auto* s = list->add_values()->mutable_struct_value();
    (*s->mutable_fields())["start"].set_number_value(m.start());
    (*s->mutable_fields())["end"].set_number_value(m.end());
    (*s->mutable_fields())["actor_id"].set_string_value(m.actor_id());
    (*s->mutable_fields())["evidence"].set_string_value(m.evidence());
  }
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(out, &json);
  return json;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string set = Flag(argc, argv, "set", "");
  const std::string out_path = Flag(argc, argv, "out", "/dev/stdout");
  const std::string data = Flag(argc, argv, "data", CLAIMS_SOURCE_DATA_DIR);
  if (set.empty()) {
    std::cerr
        << "usage: identity_eval --set=SET.jsonl [--out=FILE] [--data=DIR]\n";
    return 2;
  }
  claims::ExtractorConfig config;
  config.kb_dir = data + "/kb";
  config.taxonomy_file = data + "/taxonomy/topics.jsonl";
  auto extractor = claims::Extractor::Create(config);
  if (!extractor.ok()) {
    std::cerr << extractor.status() << "\n";
    return 1;
  }
  const std::string dir = std::filesystem::temp_directory_path() /
                          absl::StrCat("identity-eval-", ::getpid());
  auto store = claims::ClaimStore::Open(dir, claims::StoreOptions());
  if (!store.ok()) {
    std::cerr << store.status() << "\n";
    return 1;
  }
  std::vector<google::protobuf::Struct> articles;
  std::ifstream in(set);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    google::protobuf::Struct s;
    if (!google::protobuf::util::JsonStringToMessage(line, &s).ok()) continue;
    articles.push_back(std::move(s));
  }
  std::stable_sort(articles.begin(), articles.end(),
                   [](const auto& a, const auto& b) {
                     return Field(a, "published") < Field(b, "published");
                   });
  std::ofstream out(out_path);
  int failed = 0;
  for (const auto& a : articles) {
    claims::v1::Article article;
    article.set_id(Field(a, "id"));
    article.set_published(Field(a, "published"));
    article.set_title(Field(a, "title"));
    article.set_body(Field(a, "body"));
    auto analysis = (*extractor)->Analyze(article);
    if (!analysis.ok()) {
      ++failed;
      continue;
    }
    // The identities PutArticle gives, computed the same way beforehand.
    auto identities =
        claims::store_internal::MatchStoredActors((*store)->db(), *analysis);
    claims::v1::AnalyzeResponse stored = *analysis;
    if (identities.ok())
      claims::store_internal::ApplyIdentities(*identities, &stored);
    if (!(*store)->PutArticle(*analysis).ok()) ++failed;
    out << Json(article.id(), stored) << "\n";
  }
  store->reset();
  std::filesystem::remove_all(dir);
  std::cerr << "identity_eval: " << articles.size() << " articles, " << failed
            << " failed\n";
  return failed == 0 ? 0 : 1;
}
