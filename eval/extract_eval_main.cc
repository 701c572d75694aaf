// extract_eval: runs the extractor over a gold JSONL file (format:
// shared/eval/FORMAT.md) and writes predictions with code-point offsets.
//
//   extract_eval --gold=../shared/eval/seed-gold.jsonl --out=/tmp/pred.jsonl
//   python3 ../shared/eval/score.py ../shared/eval/seed-gold.jsonl /tmp/pred.jsonl
//
// Flags: --gold, --out, --data (data folder, default the source tree's),
// --analysis (also write the full AnalyzeResponse JSON per document),
// --raw_confidence=true (the claim builder's scores, uncalibrated).
#include <fstream>
#include <iostream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/extract/extractor.h"
#include "common/text/utf8.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace {

std::string Flag(int argc, char** argv, const std::string& name,
                 const std::string& def) {
  std::string prefix = absl::StrCat("--", name, "=");
  for (int i = 1; i < argc; ++i) {
    if (absl::StartsWith(argv[i], prefix)) return argv[i] + prefix.size();
  }
  return def;
}

const char* TypeName(claims::v1::ActorType t) {
  switch (t) {
    case claims::v1::PERSON: return "PER";
    case claims::v1::ORGANIZATION: return "ORG";
    case claims::v1::LOCATION: return "LOC";
    default: return "OTHER";
  }
}

std::string JsonString(const std::string& s) {
  google::protobuf::Value v;
  v.set_string_value(s);
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(v, &out);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold = Flag(argc, argv, "gold", "");
  std::string out_path = Flag(argc, argv, "out", "/dev/stdout");
  std::string data = Flag(argc, argv, "data", CLAIMS_SOURCE_DATA_DIR);
  std::string analysis_path = Flag(argc, argv, "analysis", "");
  if (gold.empty()) {
    std::cerr << "usage: extract_eval --gold=GOLD.jsonl [--out=PRED.jsonl] "
                 "[--data=DIR] [--analysis=FILE]\n";
    return 2;
  }
  claims::ExtractorConfig config;
  config.kb_dir = data + "/kb";
  config.taxonomy_file = data + "/taxonomy/topics.jsonl";
  config.lexicon_dir = data + "/extract";
  config.raw_confidence = Flag(argc, argv, "raw_confidence", "false") == "true";
  auto extractor = claims::Extractor::Create(config);
  if (!extractor.ok()) {
    std::cerr << extractor.status() << "\n";
    return 1;
  }
  std::ifstream in(gold);
  std::ofstream out(out_path);
  std::ofstream analysis;
  if (!analysis_path.empty()) analysis.open(analysis_path);
  std::string line;
  int docs = 0, failed = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    google::protobuf::Struct doc;
    if (!google::protobuf::util::JsonStringToMessage(line, &doc).ok()) {
      std::cerr << "bad gold line " << docs + 1 << "\n";
      return 1;
    }
    const auto& f = doc.fields();
    std::string id = f.count("id") ? f.at("id").string_value() : "";
    claims::v1::Article article;
    article.set_id(id);
    article.set_body(f.count("text") ? f.at("text").string_value() : "");
    if (f.count("published") && f.at("published").has_string_value()) {
      article.set_published(f.at("published").string_value());
    }
    ++docs;
    auto result = (*extractor)->Analyze(article);
    out << "{\"id\":" << JsonString(id) << ",\"entities\":[";
    if (!result.ok()) {
      ++failed;
      std::cerr << id << ": " << result.status() << "\n";
      out << "],\"timexes\":[]}\n";
      continue;
    }
    claims::text::CodePointIndex cp(article.body());
    bool first = true;
    for (const auto& m : result->mentions()) {
      // Pronouns, descriptions, roles and group nouns ("the chancellor",
      // "protesters") refer to actors but are not names.
      if (m.kind() != claims::v1::MENTION_NAME) continue;
      out << (first ? "" : ",") << "{\"start\":" << cp.ToCodePoint(m.start())
          << ",\"end\":" << cp.ToCodePoint(m.end()) << ",\"type\":\""
          << TypeName(m.type()) << "\"}";
      first = false;
    }
    out << "],\"timexes\":[";
    first = true;
    for (const auto& t : result->timexes()) {
      out << (first ? "" : ",") << "{\"start\":" << cp.ToCodePoint(t.start())
          << ",\"end\":" << cp.ToCodePoint(t.end())
          << ",\"value\":" << JsonString(t.value()) << "}";
      first = false;
    }
    out << "]}\n";
    if (analysis.is_open()) {
      std::string json;
      google::protobuf::util::JsonPrintOptions options;
      (void)google::protobuf::util::MessageToJsonString(*result, &json, options);
      analysis << json << "\n";
    }
  }
  std::cerr << "extract_eval: " << docs << " documents, " << failed
            << " failed\n";
  return failed == 0 ? 0 : 1;
}
