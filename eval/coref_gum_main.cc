// coref_gum: scores the coreference stage on GUM (UD English GUM, whose MISC
// column carries coreference chains as Entity=...).
//
//   build/eval/coref_gum
//   --conllu=../shared/train/ud-english/en_gum-ud-dev.conllu
//
// Each GUM document runs through the product's own stages on the gold
// tokens: syntax models, entity tagger, mention finding and linking, then
// coreference. A reference the stage links to an actor is right when one of
// that actor's name mentions lies on a gold mention of the reference's own
// chain (mentions are aligned by their last token). Figures, per class
// (pronouns; definite descriptions):
//   precision  right links / links made
//   recall     right links / gold anaphoric references whose chain the
//              system had already named (an antecedent it could find)
// Flags: --conllu, --data (knowledge folder), --genre (doc id substring,
// e.g. "news"), --misses=N (print N wrong links), and the SalienceWeights
// fields (--per_sentence=, --subject=, ...) to compare settings on train.
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/entities/entity_tagger.h"
#include "common/entities/gazetteer.h"
#include "common/extract/coreference.h"
#include "common/extract/lexicon.h"
#include "common/extract/mentions.h"
#include "common/kb/knowledge_base.h"
#include "common/syntax/syntax_models.h"

namespace {

using claims::FoundMention;
using claims::ReferenceWord;
using claims::SentenceTokens;

std::string Flag(int argc, char** argv, const std::string& name,
                 const std::string& def) {
  const std::string prefix = absl::StrCat("--", name, "=");
  for (int i = 1; i < argc; ++i) {
    if (absl::StartsWith(argv[i], prefix)) return argv[i] + prefix.size();
  }
  return def;
}

struct GoldMention {
  int entity = 0;
  int sentence = 0;
  int first = 0;
  int last = 0;  // exclusive
};

struct GumDocument {
  std::string id;
  std::vector<std::vector<std::string>> forms;  // by sentence
  std::vector<std::vector<bool>> space_after;
  std::vector<GoldMention> gold;
};

// Opens and closes chains from one token's Entity= value:
// "(12-person-...-coref", "(3-place-...)", "12)".
void ParseEntities(absl::string_view v, int sentence, int token,
                   std::vector<GoldMention>* open,
                   std::vector<GoldMention>* done) {
  size_t p = 0;
  while (p < v.size()) {
    if (v[p] == '(') {
      size_t q = p + 1;
      int id = 0;
      while (q < v.size() &&
             absl::ascii_isdigit(static_cast<unsigned char>(v[q]))) {
        id = id * 10 + (v[q++] - '0');
      }
      while (q < v.size() && v[q] != '(' && v[q] != ')') ++q;
      GoldMention m{id, sentence, token, token + 1};
      if (q < v.size() && v[q] == ')') {
        done->push_back(m);
        ++q;
      } else {
        open->push_back(m);
      }
      p = q;
    } else if (absl::ascii_isdigit(static_cast<unsigned char>(v[p]))) {
      int id = 0;
      while (p < v.size() &&
             absl::ascii_isdigit(static_cast<unsigned char>(v[p]))) {
        id = id * 10 + (v[p++] - '0');
      }
      for (size_t k = open->size(); k-- > 0;) {
        if ((*open)[k].entity == id) {
          GoldMention m = (*open)[k];
          m.last = token + 1;
          done->push_back(m);
          open->erase(open->begin() + static_cast<long>(k));
          break;
        }
      }
      if (p < v.size() && v[p] == ')') ++p;
    } else {
      ++p;
    }
  }
}

std::vector<GumDocument> ReadGum(const std::string& path) {
  std::vector<GumDocument> docs;
  std::ifstream in(path);
  std::string line;
  std::vector<GoldMention> open;
  bool in_sentence = false;
  while (std::getline(in, line)) {
    if (absl::StartsWith(line, "# newdoc id = ")) {
      docs.emplace_back().id = line.substr(14);
      open.clear();
      continue;
    }
    if (line.empty() || line[0] == '#') {
      in_sentence = false;
      continue;
    }
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() < 10 || f[0].find_first_of("-.") != std::string::npos ||
        docs.empty())
      continue;
    GumDocument& d = docs.back();
    if (!in_sentence) {
      d.forms.emplace_back();
      d.space_after.emplace_back();
      in_sentence = true;
    }
    const int s = static_cast<int>(d.forms.size()) - 1;
    const int t = static_cast<int>(d.forms[s].size());
    d.forms[s].push_back(f[1]);
    d.space_after[s].push_back(f[9].find("SpaceAfter=No") == std::string::npos);
    for (absl::string_view item : absl::StrSplit(f[9], '|')) {
      if (absl::ConsumePrefix(&item, "Entity="))
        ParseEntities(item, s, t, &open, &d.gold);
    }
  }
  return docs;
}

void ClassifyToken(claims::text::Token* t) {
  t->lower = absl::AsciiStrToLower(t->text);
  int letters = 0, uppers = 0;
  for (char c : t->text) {
    if (absl::ascii_isalpha(static_cast<unsigned char>(c))) {
      if (letters == 0)
        t->capitalized = absl::ascii_isupper(static_cast<unsigned char>(c));
      ++letters;
      uppers += absl::ascii_isupper(static_cast<unsigned char>(c)) ? 1 : 0;
    }
  }
  t->is_word =
      letters > 0 ||
      (static_cast<unsigned char>(t->text.empty() ? 0 : t->text[0]) >= 0x80);
  t->is_number = !t->text.empty() &&
                 absl::ascii_isdigit(static_cast<unsigned char>(t->text[0]));
  t->all_caps = letters >= 2 && uppers == letters;
  t->possessive =
      t->lower == "'s" || t->lower == "'" || t->text == "\xE2\x80\x99s";
}

// The document as one body with the gold tokens.
std::vector<SentenceTokens> BuildSentences(const GumDocument& d,
                                           std::string* body) {
  body->clear();
  std::vector<std::pair<size_t, size_t>> spans;
  for (size_t s = 0; s < d.forms.size(); ++s) {
    for (size_t i = 0; i < d.forms[s].size(); ++i) {
      spans.emplace_back(body->size(), body->size() + d.forms[s][i].size());
      *body += d.forms[s][i];
      if (d.space_after[s][i]) *body += ' ';
    }
    *body += '\n';
  }
  std::vector<SentenceTokens> out(d.forms.size());
  size_t k = 0;
  for (size_t s = 0; s < d.forms.size(); ++s) {
    for (size_t i = 0; i < d.forms[s].size(); ++i, ++k) {
      claims::text::Token t;
      t.start = spans[k].first;
      t.end = spans[k].second;
      t.text = absl::string_view(*body).substr(t.start, t.end - t.start);
      ClassifyToken(&t);
      out[s].tokens.push_back(std::move(t));
    }
    out[s].start = out[s].tokens.empty() ? 0 : out[s].tokens.front().start;
    out[s].end = out[s].tokens.empty() ? 0 : out[s].tokens.back().end;
  }
  return out;
}

struct Counts {
  int links = 0, right = 0, gold = 0, found = 0;
};

// Gold chain of the span [first, last) of sentence s: the shortest gold
// mention ending on the same token, else the shortest containing it; -1.
int ChainOf(const GumDocument& d, int s, int first, int last) {
  int best = -1, best_len = 1 << 30, best_end = 0;
  for (const GoldMention& g : d.gold) {
    if (g.sentence != s || g.first > first || g.last < last) continue;
    const int same_end = g.last == last ? 1 : 0;
    const int len = g.last - g.first;
    if (same_end > best_end || (same_end == best_end && len < best_len)) {
      best = g.entity;
      best_len = len;
      best_end = same_end;
    }
  }
  return best;
}

bool IsReference(const claims::SalienceCoreference& coref, const GumDocument& d,
                 const GoldMention& g, bool description) {
  const auto& f = d.forms[g.sentence];
  const std::string first = absl::AsciiStrToLower(f[g.first]);
  if (!description) {
    // Every third-person pronoun, whatever the stage's word list holds.
    static const auto* const kPronouns = new absl::flat_hash_set<std::string>{
        "he",   "him",     "his",    "himself",   "she",    "her",
        "hers", "herself", "it",     "its",       "itself", "they",
        "them", "their",   "theirs", "themselves"};
    return g.last - g.first == 1 && kPronouns->contains(first);
  }
  if (first != "the" || g.last - g.first < 2) return false;
  const ReferenceWord* w = coref.Find(absl::AsciiStrToLower(f[g.last - 1]));
  return (w != nullptr &&
          w->word_class == ReferenceWord::Class::kDescription) ||
         absl::EndsWith(f[g.last - 1], "-year-old");
}

}  // namespace

namespace {

struct Scorer {
  const claims::SalienceCoreference& coref;
  Counts counts[2];  // 0 pronouns, 1 descriptions
  int misses_left = 0;
  std::map<std::string, std::pair<int, int>> by_word;  // links, right

  void Document(const GumDocument& d,
                const std::vector<SentenceTokens>& sentences,
                const claims::MentionResult& r) {
    // Gold chains each actor's names lie on, and where the first lies.
    std::map<std::pair<int, int>, std::pair<int, int>>
        first_named;  // (actor, chain)
    std::vector<const FoundMention*> links;
    for (const FoundMention& m : r.mentions) {
      if (absl::StartsWith(m.evidence, "coref:")) {
        links.push_back(&m);
        continue;
      }
      if (m.actor < 0) continue;
      const int chain = ChainOf(d, m.sentence, m.first_token, m.last_token);
      if (chain >= 0)
        first_named.try_emplace({m.actor, chain}, m.sentence, m.first_token);
    }
    auto right = [&](const FoundMention& m) {
      const int chain = ChainOf(d, m.sentence, m.first_token, m.last_token);
      return chain >= 0 && first_named.count({m.actor, chain}) > 0;
    };
    for (const FoundMention* m : links) {
      Counts& c = counts[m->last_token - m->first_token > 1 ? 1 : 0];
      ++c.links;
      const std::string word(m->evidence.substr(6, m->evidence.find("->") - 6));
      ++by_word[word].first;
      if (right(*m)) {
        ++c.right;
        ++by_word[word].second;
      } else if (misses_left > 0) {
        --misses_left;
        std::cout << "  wrong " << d.id << " s" << m->sentence << ": "
                  << m->evidence << " | "
                  << std::string_view(
                         sentences[m->sentence].tokens.front().text.data(),
                         sentences[m->sentence].end -
                             sentences[m->sentence].start)
                  << "\n";
      }
    }
    for (int cls = 0; cls < 2; ++cls) Gold(d, cls, first_named, links, right);
  }

  template <typename Right>
  void Gold(
      const GumDocument& d, int cls,
      const std::map<std::pair<int, int>, std::pair<int, int>>& first_named,
      const std::vector<const FoundMention*>& links, const Right& right) {
    for (const GoldMention& g : d.gold) {
      if (!IsReference(coref, d, g, cls == 1)) continue;
      const std::pair<int, int> at(g.sentence, g.first);
      bool anaphoric = false;
      for (const GoldMention& o : d.gold) {
        if (o.entity == g.entity && std::make_pair(o.sentence, o.first) < at)
          anaphoric = true;
      }
      bool available = false;
      for (const auto& [key, where] : first_named) {
        if (key.second == g.entity && where < at) available = true;
      }
      if (!anaphoric || !available) continue;
      Counts& c = counts[cls];
      ++c.gold;
      for (const FoundMention* m : links) {
        if (m->sentence == g.sentence && m->last_token == g.last && right(*m)) {
          ++c.found;
          break;
        }
      }
    }
  }

  bool verbose = false;
  void Print() const {
    const char* names[2] = {"pronouns", "descriptions"};
    int links = 0, rights = 0, gold = 0, found = 0;
    for (int cls = 0; cls < 2; ++cls) {
      const Counts& c = counts[cls];
      Line(names[cls], c.links, c.right, c.gold, c.found);
      links += c.links, rights += c.right, gold += c.gold, found += c.found;
    }
    Line("all links", links, rights, gold, found);
    if (!verbose) return;
    for (const auto& [word, c] : by_word) {
      std::printf("  %-14s links %5d right %5d\n", word.c_str(), c.first,
                  c.second);
    }
  }

  static void Line(const char* name, int links, int right, int gold,
                   int found) {
    const double p = links ? static_cast<double>(right) / links : 0;
    const double r = gold ? static_cast<double>(found) / gold : 0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf(
        "%-13s links %5d right %5d precision %.3f | gold %5d found %5d recall "
        "%.3f | F1 %.3f\n",
        name, links, right, p, gold, found, r, f);
  }
};

claims::SalienceWeights WeightsFromFlags(int argc, char** argv) {
  claims::SalienceWeights w;
  auto num = [&](const char* name, double* v) {
    const std::string s = Flag(argc, argv, name, "");
    if (!s.empty()) (void)absl::SimpleAtod(s, v);
  };
  auto whole = [&](const char* name, int* v) {
    const std::string s = Flag(argc, argv, name, "");
    if (!s.empty()) (void)absl::SimpleAtoi(s, v);
  };
  num("per_sentence", &w.per_sentence);
  num("subject", &w.subject);
  num("parallel", &w.parallel);
  num("frequency", &w.frequency);
  num("gender_known", &w.gender_known);
  num("role_match", &w.role_match);
  num("margin", &w.margin);
  whole("pronoun_window", &w.pronoun_window);
  whole("description_window", &w.description_window);
  whole("neuter_window", &w.neuter_window);
  w.neuter_needs_subjects =
      Flag(argc, argv, "neuter_needs_subjects", "1") == "1";
  return w;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string conllu = Flag(argc, argv, "conllu", "");
  const std::string data = Flag(argc, argv, "data", CLAIMS_SOURCE_DATA_DIR);
  const std::string genre = Flag(argc, argv, "genre", "");
  if (conllu.empty()) {
    std::cerr << "usage: coref_gum --conllu=FILE [--data=DIR] [--genre=news] "
                 "[--misses=N]\n";
    return 2;
  }
  auto kb = claims::KnowledgeBase::Load(data + "/kb", "");
  auto lexicon = claims::Lexicon::Load(data + "/extract");
  auto syntax = claims::syntax::SyntaxModels::Load(data + "/models");
  auto tagger =
      claims::entities::EntityTagger::Load(data + "/models/entities.clm");
  auto coref = claims::SalienceCoreference::Load(data + "/extract",
                                                 WeightsFromFlags(argc, argv));
  for (const absl::Status& s : {kb.status(), lexicon.status(), syntax.status(),
                                tagger.status(), coref.status()}) {
    if (!s.ok()) {
      std::cerr << s << "\n";
      return 1;
    }
  }
  claims::entities::KbGazetteer gazetteer(**kb);
  claims::MentionFinder finder(**kb, **lexicon);
  Scorer scorer{**coref, {}, 0, {}, false};
  (void)absl::SimpleAtoi(Flag(argc, argv, "misses", "0"), &scorer.misses_left);
  scorer.verbose = Flag(argc, argv, "by_word", "") == "1";
  int documents = 0;
  for (const GumDocument& d : ReadGum(conllu)) {
    if (!genre.empty() && !absl::StrContains(d.id, genre)) continue;
    ++documents;
    std::string body;
    std::vector<SentenceTokens> sentences = BuildSentences(d, &body);
    std::vector<claims::syntax::SyntaxSentence> words(sentences.size());
    for (size_t s = 0; s < sentences.size(); ++s) {
      for (const std::string& form : d.forms[s])
        words[s].emplace_back().form = form;
      syntax->Analyze(&words[s]);
    }
    auto names = tagger->Tag(words, &gazetteer);
    for (size_t s = 0; s < sentences.size(); ++s) {
      sentences[s].words = std::move(words[s]);
      sentences[s].names = std::move(names[s]);
    }
    claims::MentionResult r = finder.Find(body, sentences, "", {});
    (*coref)->Resolve(body, sentences, &r);
    scorer.Document(d, sentences, r);
  }
  std::cout << conllu << (genre.empty() ? "" : " genre " + genre) << ": "
            << documents << " documents\n";
  scorer.Print();
  return 0;
}
