// explain: shows how the extractor reads sentences, for developers: the
// dependency parse, the mentions, the clause analysis and the claims of each line of
// standard input (one article per line, dated --published; --evidence=1
// adds each claim's subject text and evidence).
//
//   echo "Police said the man posed a danger." | build/eval/explain
#include <iostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/extract/clauses.h"
#include "common/extract/extractor.h"
#include "common/extract/lexicon.h"
#include "common/extract/parse_repairs.h"
#include "common/syntax/syntax_models.h"
#include "common/text/tokenizer.h"

namespace {

std::string Flag(int argc, char** argv, const std::string& name, const std::string& def) {
  const std::string prefix = absl::StrCat("--", name, "=");
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind(prefix, 0) == 0) return arg.substr(prefix.size());
  }
  return def;
}

const char* RoleName(claims::ArgRole r) {
  switch (r) {
    case claims::ArgRole::kSubject: return "subj";
    case claims::ArgRole::kObject: return "obj";
    case claims::ArgRole::kOblique: return "obl";
    case claims::ArgRole::kSource: return "source";
  }
  return "?";
}

void PrintParse(const claims::syntax::SyntaxSentence& words,
                const claims::ClauseAnalyzer& analyzer) {
  for (size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    std::cout << "  " << i << "\t" << w.form << "\t" << claims::syntax::UposName(w.upos) << "\t"
              << w.xpos << "\t" << w.lemma << "\t" << w.head << "\t"
              << claims::syntax::DepRelName(w.rel) << "\n";
  }
  const claims::DependencyTree tree(words);
  for (const claims::Clause& c : analyzer.Analyze(tree)) {
    std::vector<std::string> args;
    for (const auto& a : c.args) {
      args.push_back(absl::StrCat(RoleName(a.role), a.preposition.empty() ? "" : "/",
                                  a.preposition, "=", words[static_cast<size_t>(a.token)].form,
                                  a.inherited ? "(shared)" : ""));
    }
    std::cout << "  clause " << c.predicate << " [" << absl::StrJoin(args, " ") << "] "
              << claims::v1::Modality_Name(c.modality) << "(" << c.modality_cue << ")"
              << (c.reported ? absl::StrCat(" reported by ", c.source_token >= 0
                                                 ? words[static_cast<size_t>(c.source_token)].form
                                                 : "-", " via ", c.reporting_cue)
                             : "")
              << (c.saying_only ? " saying-only" : "") << "\n";
  }
}

std::string Refs(const google::protobuf::RepeatedPtrField<claims::v1::ActorRef>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.role().empty() ? r.id() : r.id() + "/" + r.role());
  return absl::StrJoin(out, ",");
}

}  // namespace

int main(int argc, char** argv) {
  const std::string data = Flag(argc, argv, "data", CLAIMS_SOURCE_DATA_DIR);
  claims::ExtractorConfig config;
  config.kb_dir = data + "/kb";
  config.taxonomy_file = data + "/taxonomy/topics.jsonl";
  config.lexicon_dir = data + "/extract";
  auto extractor = claims::Extractor::Create(config);
  auto syntax = claims::syntax::SyntaxModels::Load(data + "/models");
  auto lexicon = claims::Lexicon::Load(data + "/extract");
  auto kb = claims::KnowledgeBase::Load(config.kb_dir, "");
  if (!extractor.ok() || !syntax.ok() || !lexicon.ok() || !kb.ok()) {
    std::cerr << "cannot load the extractor from " << data << "\n";
    return 1;
  }
  claims::InstallInSyntax(**lexicon, kb->get(), &*syntax);
  claims::ClauseAnalyzer analyzer(**lexicon);
  const claims::entities::KbGazetteer gazetteer(**kb);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    claims::v1::Article article;
    article.set_body(line);
    article.set_published(Flag(argc, argv, "published", "2024-06-01"));
    const bool evidence = Flag(argc, argv, "evidence", "0") == "1";
    auto response = (*extractor)->Analyze(article);
    if (!response.ok()) {
      std::cout << response.status() << "\n";
      continue;
    }
    for (const auto& s : response->sentences()) {
      std::cout << s.text() << "\n";
      claims::syntax::SyntaxSentence words;
      const std::vector<claims::text::Token> tokens =
          claims::text::Tokenize(line, s.start(), s.end());
      for (const auto& t : tokens) words.emplace_back().form = std::string(t.text);
      claims::AnalyzeSentence(*syntax, &gazetteer, lexicon->get(),
                              claims::text::DatelineLength(tokens), &words);
      PrintParse(words, analyzer);
      for (const auto& m : response->mentions()) {
        if (m.start() < s.start() || m.end() > s.end()) continue;
        std::cout << "  mention \"" << m.text() << "\" " << claims::v1::ActorType_Name(m.type())
                  << " -> " << (m.actor_id().empty() ? "-" : m.actor_id()) << " (" << m.evidence()
                  << ")\n";
      }
      for (const auto& c : response->claims()) {
        if (c.start() != s.start()) continue;
        std::cout << "  => " << claims::v1::ClaimType_Name(c.type()) << " " << Refs(c.subjects())
                  << " | " << c.predicate() << " | " << Refs(c.objects()) << " | "
                  << Refs(c.participants()) << " | "
                  << claims::v1::Modality_Name(c.modality())
                  << (c.has_modality_source() ? " source=" + c.modality_source().id() : "")
                  << (c.content_modality() ? " content=" +
                          claims::v1::Modality_Name(c.content_modality()) : "")
                  << (c.has_quote() ? " quote=\"" + c.quote().text() + "\"" : "");
        for (const auto& q : c.quantities()) {
          std::cout << " [" << q.text() << (q.measures().empty() ? "" : " of " + q.measures())
                    << "]";
        }
        std::cout << "\n";
        if (evidence) {
          if (!c.subject_text().empty()) std::cout << "     subject_text: " << c.subject_text() << "\n";
          for (const auto& e : c.evidence()) {
            std::cout << "     " << e.field() << ": " << e.cue() << "\n";
          }
        }
      }
    }
  }
  return 0;
}
