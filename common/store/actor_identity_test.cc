// Cross-article identity of discovered actors, through a real store: what
// ids claims are stored under, and what an actor query resolves.
#include "common/store/actor_identity.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "common/store/actor_records.h"
#include "common/store/store_test_util.h"
#include "gtest/gtest.h"

namespace claims::testing {
namespace {

using claims::v1::Actor;
using claims::v1::ActorType;
using claims::v1::AnalyzeResponse;
using store_internal::FoldName;
using store_internal::IsGlobalAlias;

struct Named {
  std::string id;
  std::string name;
  ActorType type = claims::v1::PERSON;
  std::vector<std::string> aliases = {};
  std::string country = "";
  std::string role = "";
};

Actor ActorOf(const Named& n) {
  Actor a;
  a.set_id(n.id);
  a.set_name(n.name);
  a.set_type(n.type);
  a.set_country(n.country);
  a.set_role(n.role);
  for (const std::string& alias : n.aliases) a.add_aliases(alias);
  return a;
}

// An article whose one claim names every actor of `actors`, as the
// extractor reports them (discovered ones without country and role).
AnalyzeResponse Article(const std::string& id,
                        const std::vector<Named>& actors) {
  std::vector<std::string> ids;
  for (const Named& a : actors) ids.push_back(a.id);
  AnalyzeResponse analysis =
      MakeAnalysis(id, "h-" + id, "2021-05-19", {MakeClaim(ids)});
  for (const Named& n : actors) {
    *analysis.add_actors() = ActorOf(n);
    claims::v1::Mention* m = analysis.add_mentions();
    m->set_text(n.name);
    m->set_actor_id(n.id);
  }
  return analysis;
}

class ActorIdentityTest : public StoreTest {
 protected:
  // Stored actor ids of the claims of `article`, subjects then objects.
  std::string StoredIds(const std::string& article) {
    ClaimFilter filter;
    filter.article_ids = {article};
    std::vector<std::string> out;
    for (const ScannedClaim& item : Scan(filter)) {
      auto claim = item.Decode();
      for (const auto& r : claim->subjects()) out.push_back(r.id());
      for (const auto& r : claim->objects()) out.push_back(r.id());
    }
    return absl::StrJoin(out, " ");
  }
  std::string Resolve(const std::string& name) {
    return absl::StrJoin(reader_->ResolveActor(name), " ");
  }
};

const Named kLeeds{"leeds", "Leeds", claims::v1::LOCATION, {}, "GBR", "place"};
const Named kSheffield{"sheffield", "Sheffield", claims::v1::LOCATION,
                       {},          "GBR",       "place"};
const Named kCornwall{"GB-CON", "Cornwall", claims::v1::LOCATION,
                      {},       "GBR",      "place"};

TEST_F(ActorIdentityTest, ASurnameInALaterArticleJoinsTheOnePersonOfThatName) {
  Put(Article("a", {{"jane-smithfield",
                     "Jane Smithfield",
                     claims::v1::PERSON,
                     {"Smithfield"}},
                    kLeeds}));
  Put(Article(
      "b",
      {{"smithfield", "Smithfield", claims::v1::PERSON, {"Ms Smithfield"}}}));
  EXPECT_EQ(StoredIds("b"), "jane-smithfield");
  EXPECT_EQ(Resolve("Ms Smithfield"), "jane-smithfield");
  EXPECT_EQ(Resolve("Smithfield"), "jane-smithfield");
  auto actor = store_internal::ReadActorRecord(store_->db(), "jane-smithfield");
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->name(), "Jane Smithfield");  // the full name stays the name
}

TEST_F(ActorIdentityTest, ADoubleBarrelledSurnameJoinsWholeNeverByHalf) {
  Put(Article("a", {{"priya-venkat-holloway", "Priya Venkat-Holloway"}}));
  Put(Article("b", {{"venkat-holloway",
                     "Venkat-Holloway",
                     claims::v1::PERSON,
                     {"Dr Venkat-Holloway"}}}));
  Put(Article("c", {{"holloway", "Holloway"}}));
  EXPECT_EQ(StoredIds("b"), "priya-venkat-holloway");
  EXPECT_EQ(StoredIds("c"), "holloway");
}

TEST_F(ActorIdentityTest, AGenerationalSuffixTellsTheSonFromTheFather) {
  Put(Article("a", {{"dario-velasco-jr", "Dario Velasco Jr."}}));
  Put(Article("b", {{"dario-velasco", "Dario Velasco"}}));
  EXPECT_EQ(StoredIds("b"), "dario-velasco");
  // The son's name in another article is the son's.
  Put(Article("c", {{"dario-velasco-jr-2", "Dario Velasco Jr"}}));
  EXPECT_EQ(StoredIds("c"), "dario-velasco-jr");
}

TEST_F(ActorIdentityTest, ADoubleSurnameJoinsTheFullName) {
  // Spanish and Portuguese names carry two family names; a later article
  // may drop the given name only.
  Put(Article("a", {{"julio-quispe-huaman", "Julio Quispe Huaman"}}));
  Put(Article("b", {{"quispe-huaman", "Quispe Huaman"}}));
  EXPECT_EQ(StoredIds("b"), "julio-quispe-huaman");
  // After two given names too.
  Put(Article("e", {{"juan-pablo-arriaga-pinzon", "Juan Pablo Arriaga Pinzon"}}));
  Put(Article("f", {{"arriaga-pinzon", "Arriaga Pinzon"}}));
  EXPECT_EQ(StoredIds("f"), "juan-pablo-arriaga-pinzon");
  // Two words that are someone's full name stay that person's.
  Put(Article("c", {{"ana-quispe", "Ana Quispe"}}));
  Put(Article("d", {{"ana-quispe-2", "Ana Quispe"}}));
  EXPECT_EQ(StoredIds("d"), "ana-quispe");
}

TEST_F(ActorIdentityTest, AStoredFullNameIsNoDoubleSurnameOfAnother) {
  // "Pablo Escobar" stored, then his son "Juan Pablo Escobar": a later
  // "Pablo Escobar" is the father, not the son's "Pablo Escobar" read as a
  // double surname.
  Put(Article("a", {{"pablo-escobar", "Pablo Escobar"}}));
  Put(Article("b", {{"pablo-escobar", "Pablo Escobar"},
                    {"juan-pablo-escobar", "Juan Pablo Escobar"}}));
  Put(Article("c", {{"pablo-escobar", "Pablo Escobar"}}));
  EXPECT_EQ(StoredIds("c"), "pablo-escobar");
  // Two surnames alone still join the full name, stored apart or not.
  Put(Article("d", {{"graca-ferreira-pinto", "Graca Ferreira Pinto"},
                    {"ferreira-pinto", "Ferreira Pinto"}}));
  Put(Article("e", {{"ferreira-pinto", "Ferreira Pinto"}}));
  EXPECT_EQ(StoredIds("e"), "graca-ferreira-pinto");
}

TEST_F(ActorIdentityTest, TwoGivenNamesAndTwoSurnamesJoinTheNameWithoutTheSecond) {
  Put(Article("a", {{"luz-adriana-quinonez-mosquera", "Luz Adriana Quiñónez Mosquera"}}));
  Put(Article("b", {{"luz-adriana-quinonez", "Luz Adriana Quinonez"}}));
  EXPECT_EQ(StoredIds("b"), "luz-adriana-quinonez-mosquera");
  // And the other way round.
  Put(Article("c", {{"jose-luis-paredes", "José Luis Paredes"}}));
  Put(Article("d", {{"jose-luis-paredes-rojas", "José Luis Paredes Rojas"}}));
  EXPECT_EQ(StoredIds("d"), "jose-luis-paredes");
}

// A given name and two surnames: news may leave out the second surname
// ("Emilio Lozoya" of "Emilio Lozoya Austin"), but a middle word that is a
// given name is no surname ("Muhammad Ali" is not "Muhammad Ali Jinnah").
// Names written for this test.
TEST_F(ActorIdentityTest, AGivenNameAndTwoSurnamesJoinTheNameWithoutTheSecond) {
  Put(Article("a", {{"tomas-arzola-benitez", "Tomás Arzola Benítez"}}));
  Put(Article("b", {{"tomas-arzola", "Tomas Arzola"}}));
  EXPECT_EQ(StoredIds("b"), "tomas-arzola-benitez");
  Put(Article("c", {{"muhammad-ali-jinnah", "Muhammad Ali Jinnah"}}));
  Put(Article("d", {{"muhammad-ali", "Muhammad Ali"}}));
  EXPECT_EQ(StoredIds("d"), "muhammad-ali");
}

TEST_F(ActorIdentityTest, SpellingVariantsFoldToOneId) {
  Put(Article("a", {{"fatima-al-rashidi", "Fatima al-Rashidi"}}));
  Put(Article("b", {{"fatima-al-rashidi-2", "Fatima Al Rashidi"}}));
  Put(Article(
      "c",
      {{"al-rashidi", "Al-Rashidi", claims::v1::PERSON, {"Dr Al-Rashidi"}}}));
  EXPECT_EQ(StoredIds("b"), "fatima-al-rashidi");
  EXPECT_EQ(StoredIds("c"), "fatima-al-rashidi");
}

TEST_F(ActorIdentityTest, OtherRomanisationsOfANameJoinIt) {
  Put(Article("a", {{"alexei-navalny", "Alexei Navalny"}}));
  Put(Article("b", {{"aleksei-navalny", "Aleksei Navalny"}}));
  Put(Article("c", {{"alexey-navalny", "Alexey Navalny"}}));
  Put(Article("d", {{"olena-hnatyuk", "Olena Hnatyuk"}}));
  Put(Article("e", {{"hnatiuk", "Hnatiuk", claims::v1::PERSON, {"Ms Hnatiuk"}}}));
  EXPECT_EQ(StoredIds("b"), "alexei-navalny");
  EXPECT_EQ(StoredIds("c"), "alexei-navalny");
  EXPECT_EQ(StoredIds("e"), "olena-hnatyuk");
  // Another given name is another person, however the surname is spelt.
  Put(Article("f", {{"yulia-navalnaya", "Yulia Navalnaya"}}));
  Put(Article("g", {{"oleg-navalny", "Oleg Navalny"}}));
  EXPECT_EQ(StoredIds("g"), "oleg-navalny");
}

TEST_F(ActorIdentityTest, SouthAsianSpellingsOfAWholeNameJoinIt) {
  Put(Article("a", {{"nasreen-akhter-chowdhury", "Nasreen Akhter Chowdhury"}}));
  Put(Article("b", {{"nasrin-akter-choudhury", "Nasrin Akter Choudhury"}}));
  Put(Article("c", {{"nazma-akhter-chowdhury", "Nazma Akhter Chowdhury"}}));
  EXPECT_EQ(StoredIds("b"), "nasreen-akhter-chowdhury");
  // Another given name is another person.
  EXPECT_EQ(StoredIds("c"), "nazma-akhter-chowdhury");
  // The Dutch-era Indonesian spelling: "oe" is "u".
  Put(Article("d", {{"bambang-soetrisno", "Bambang Soetrisno"}}));
  Put(Article("e", {{"bambang-sutrisno", "Bambang Sutrisno"}}));
  EXPECT_EQ(StoredIds("e"), "bambang-soetrisno");
}

TEST_F(ActorIdentityTest, ArabicShortVowelsOfAWholeNameJoinIt) {
  Put(Article("a", {{"mohammed-baqir-al-hakim", "Mohammed Baqir al-Hakim"}}));
  Put(Article("b", {{"mohammed-baqer-al-hakim", "Mohammed Baqer al-Hakim"}}));
  Put(Article("c", {{"muhsin-al-hakim", "Muhsin al-Hakim"}}));
  Put(Article("d", {{"mohsen-al-hakim", "Mohsen al-Hakim"}}));
  EXPECT_EQ(StoredIds("b"), "mohammed-baqir-al-hakim");
  EXPECT_EQ(StoredIds("d"), "muhsin-al-hakim");
  // Another given name is another person: Hassan is no Hussein.
  Put(Article("e", {{"hassan-nasrallah", "Hassan Nasrallah"}}));
  Put(Article("f", {{"hussein-nasrallah", "Hussein Nasrallah"}}));
  EXPECT_EQ(StoredIds("f"), "hussein-nasrallah");
}

TEST_F(ActorIdentityTest, AShortGivenNameJoinsTheFullOne) {
  Put(Article("a", {{"george-weah-jr", "George Weah Jr"}}));
  Put(Article("b", {{"timothy-weah", "Timothy Weah"}}));
  Put(Article("c", {{"tim-weah", "Tim Weah"}}));
  EXPECT_EQ(StoredIds("c"), "timothy-weah");
  Put(Article("d", {{"bill-okafor", "Bill Okafor"}}));
  Put(Article("e", {{"william-okafor", "William Okafor"}}));
  EXPECT_EQ(StoredIds("e"), "bill-okafor");
  // A German short form, whose full name is spelt either way.
  Put(Article("f", {{"joseph-brandl", "Joseph Brandl"}}));
  Put(Article("g", {{"sepp-brandl", "Sepp Brandl"}}));
  EXPECT_EQ(StoredIds("g"), "joseph-brandl");
  Put(Article("h", {{"josef-huber", "Josef Huber"}}));
  Put(Article("i", {{"jupp-huber", "Jupp Huber"}}));
  EXPECT_EQ(StoredIds("i"), "josef-huber");
}

TEST_F(ActorIdentityTest, ASurnameWithAParticleWrittenAsOneWordFindsIt) {
  Put(Article("a", {{"rosaria-lo-bianco", "Rosaria Lo Bianco"}}));
  Put(Article("b", {{"rosaria-lobianco", "Rosaria Lobianco"}}));
  EXPECT_EQ(StoredIds("b"), "rosaria-lo-bianco");
  Put(Article("c", {{"lobianco", "Lobianco"}}));
  EXPECT_EQ(StoredIds("c"), "rosaria-lo-bianco");
}

// A name of two words or more is not the organisation named for it: the
// same name and a head noun (names written for this test).
TEST_F(ActorIdentityTest, ANameIsNotTheInstituteNamedForIt) {
  Put(Article("a", {{"halvard-lunde-institute", "Halvard Lunde Institute",
                     claims::v1::ORGANIZATION}}));
  Put(Article("b", {{"halvard-lunde", "Halvard Lunde", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("b"), "halvard-lunde");
  Put(Article("c", {{"halvard-lunde-research-institute", "Halvard Lunde Research Institute",
                     claims::v1::ORGANIZATION}}));
  Put(Article("d", {{"halvard-lunde-institute-x", "Halvard Lunde Institute",
                     claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("d"), "halvard-lunde-institute");
}

TEST_F(ActorIdentityTest, AnOrganisationsShortOrLegalFormFindsIt) {
  Put(Article("a", {{"padma-knit-composite-ltd", "Padma Knit Composite Ltd",
                     claims::v1::ORGANIZATION}}));
  Put(Article("b", {{"padma-knit", "Padma Knit", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("b"), "padma-knit-composite-ltd");
  Put(Article("c", {{"sanriku-kaisan", "Sanriku Kaisan", claims::v1::ORGANIZATION}}));
  Put(Article("d", {{"sanriku-kaisan-co", "Sanriku Kaisan Co.", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("d"), "sanriku-kaisan");
  // Two longer names begin so: neither.
  Put(Article("e", {{"nordhav-line", "Nordhav Line Shipping", claims::v1::ORGANIZATION}}));
  Put(Article("f", {{"nordhav-line-energy", "Nordhav Line Energy", claims::v1::ORGANIZATION}}));
  Put(Article("g", {{"nordhav-line-x", "Nordhav Line", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("g"), "nordhav-line-x");
  // A company the tagger took for a person in an earlier article: the
  // legal form settles it.
  Put(Article("j", {{"hamakawa-suisan", "Hamakawa Suisan", claims::v1::PERSON}}));
  Put(Article("k", {{"hamakawa-suisan-co", "Hamakawa Suisan Co.", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("k"), "hamakawa-suisan");
  // German umlauts written out, without the legal form.
  Put(Article("h", {{"bruckner-prazisionsguss-gmbh", "Brückner Präzisionsguss GmbH",
                     claims::v1::ORGANIZATION}}));
  Put(Article("i", {{"brueckner-praezisionsguss", "Brueckner Praezisionsguss",
                     claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("i"), "bruckner-prazisionsguss-gmbh");
  // British and American spelling.
  Put(Article("l", {{"harbour-defence-organisation", "Harbour Defence Organisation",
                     claims::v1::ORGANIZATION}}));
  Put(Article("m", {{"harbor-defense-organization", "Harbor Defense Organization",
                     claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("m"), "harbour-defence-organisation");
  Put(Article("n", {{"centre-for-labour-studies", "Centre for Labour Studies",
                     claims::v1::ORGANIZATION}}));
  Put(Article("o", {{"center-for-labor-studies", "Center for Labor Studies",
                     claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("o"), "centre-for-labour-studies");
}

TEST_F(ActorIdentityTest, ALegalFormWithDotsOrAnotherLegalFormFindsTheCompany) {
  // Dots make single letters of a legal form: "S.A.C." is "sac".
  Put(Article("a", {{"minera-kallpa-s-a-c", "Minera Kallpa S.A.C.", claims::v1::ORGANIZATION}}));
  Put(Article("b", {{"minera-kallpa", "Minera Kallpa", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("b"), "minera-kallpa-s-a-c");
  Put(Article("c", {{"tamarind-coast-export", "Tamarind Coast Export", claims::v1::ORGANIZATION}}));
  Put(Article("d", {{"tamarind-coast-export-p-l-c", "Tamarind Coast Export P.L.C.",
                     claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("d"), "tamarind-coast-export");
  // A name with a legal form begins a stored name that writes the form out.
  Put(Article("e", {{"song-lam-seafood-joint-stock-company", "Song Lam Seafood Joint Stock Company",
                     claims::v1::ORGANIZATION}}));
  Put(Article("f", {{"song-lam-seafood-jsc", "Song Lam Seafood JSC", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("f"), "song-lam-seafood-joint-stock-company");
  // Single letters that are no legal form stay: "A. B. Hollis Co." is not
  // "Hollis Co.".
  Put(Article("g", {{"a-b-hollis-co", "A. B. Hollis Co.", claims::v1::ORGANIZATION}}));
  Put(Article("h", {{"hollis-co", "Hollis Co.", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("h"), "hollis-co");
}

TEST_F(ActorIdentityTest, AShorterNameThatLeavesWordsOutFindsTheOrganisation) {
  Put(Article("a", {{"cooperativa-agraria-cafetalera-valle-sondor-ltda",
                     "Cooperativa Agraria Cafetalera Valle Sondor Ltda.",
                     claims::v1::ORGANIZATION}}));
  Put(Article("b", {{"cooperativa-sondor", "Cooperativa Sondor", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("b"), "cooperativa-agraria-cafetalera-valle-sondor-ltda");
  // Only words of the language: too many organisations could be meant.
  Put(Article("c", {{"basra-date-palm-growers-union", "Basra Date Palm Growers' Union",
                     claims::v1::ORGANIZATION}}));
  Put(Article("d", {{"date-growers-union", "Date Growers' Union", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("d"), "date-growers-union");
  // Two longer names hold the words: neither.
  Put(Article("e", {{"valle-sondor-exportadora", "Exportadora Valle Sondor",
                     claims::v1::ORGANIZATION}}));
  Put(Article("f", {{"valle-sondor", "Valle Sondor", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("f"), "valle-sondor");
}

TEST_F(ActorIdentityTest, APersonsNamesInAnotherOrderFindThem) {
  Put(Article("a", {{"robert-kasibante-ssemwogerere", "Robert Kasibante Ssemwogerere"}}));
  Put(Article("b", {{"kasibante-ssemwogerere-robert", "Kasibante Ssemwogerere Robert"}}));
  EXPECT_EQ(StoredIds("b"), "robert-kasibante-ssemwogerere");
  // Other names than the same ones are someone else.
  Put(Article("c", {{"kasibante-ssemwogerere-paul", "Kasibante Ssemwogerere Paul"}}));
  EXPECT_EQ(StoredIds("c"), "kasibante-ssemwogerere-paul");
}

TEST_F(ActorIdentityTest, AnInitialForTheGivenNameFindsTheOnePersonItCanBe) {
  Put(Article("a", {{"r-palaniappan", "R. Palaniappan"}}));
  Put(Article("b", {{"rajendran-palaniappan", "Rajendran Palaniappan"}}));
  EXPECT_EQ(StoredIds("b"), "r-palaniappan");
  Put(Article("c", {{"meena-kulasekaran", "Meena Kulasekaran"}}));
  Put(Article("d", {{"m-kulasekaran", "M. Kulasekaran"}}));
  EXPECT_EQ(StoredIds("d"), "meena-kulasekaran");
  // Another initial, or two people it can be: nobody.
  Put(Article("e", {{"k-kulasekaran", "K. Kulasekaran"}}));
  EXPECT_EQ(StoredIds("e"), "k-kulasekaran");
  Put(Article("f", {{"m-kulasekaran-2", "M. Kulasekaran"}}));
  EXPECT_EQ(StoredIds("f"), "meena-kulasekaran");
  // An initial already known as another given name: not this one.
  Put(Article("g", {{"ravi-palaniappan", "Ravi Palaniappan"}}));
  EXPECT_EQ(StoredIds("g"), "ravi-palaniappan");
}

// A given name's first letters, its usual short form, are the one stored
// person of that surname whose given name opens with them; fewer than four
// letters say too little ("Ed" may be Edward, Edmund or Edwin).
TEST_F(ActorIdentityTest, AShortFormOfTheGivenNameFindsTheOnePersonItCanBe) {
  Put(Article("a", {{"christiaan-vermaak", "Christiaan Vermaak", claims::v1::PERSON,
                     {"Dr Vermaak", "Vermaak"}}}));
  Put(Article("b", {{"chris-vermaak", "Chris Vermaak"}}));
  EXPECT_EQ(StoredIds("b"), "christiaan-vermaak");
  Put(Article("c", {{"ed-marlowe", "Ed Marlowe"}}));
  Put(Article("d", {{"edmund-marlowe", "Edmund Marlowe"}}));
  EXPECT_EQ(StoredIds("d"), "edmund-marlowe");
  // Two people it can be: nobody.
  Put(Article("e", {{"alexander-petrakis", "Alexander Petrakis"}}));
  Put(Article("f", {{"alexandra-petrakis", "Alexandra Petrakis"}}));
  Put(Article("g", {{"alex-petrakis", "Alex Petrakis"}}));
  EXPECT_EQ(StoredIds("g"), "alex-petrakis");
}

TEST_F(ActorIdentityTest, AnAcronymAnArticleGaveAnOrganisationFindsItLater) {
  Put(Article("a", {{"anti-corruption-foundation",
                     "Anti-Corruption Foundation",
                     claims::v1::ORGANIZATION,
                     {"FBK"}}}));
  Put(Article("b", {{"fbk", "FBK", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("b"), "anti-corruption-foundation");
  // Taken for a place the knowledge base does not know: still the
  // organisation.
  Put(Article("c", {{"fbk", "FBK", claims::v1::LOCATION}}));
  EXPECT_EQ(StoredIds("c"), "anti-corruption-foundation");
}

TEST_F(ActorIdentityTest, ANameWithoutItsMiddleNamesJoinsTheFullName) {
  Put(Article("a", {{"rosario-b-macaraeg", "Rosario B. Macaraeg"}}));
  Put(Article("b", {{"rosario-macaraeg", "Rosario Macaraeg"}}));
  EXPECT_EQ(StoredIds("b"), "rosario-b-macaraeg");
  // And the other way round.
  Put(Article("c", {{"ines-paredes", "Inés Paredes"}}));
  Put(Article("d", {{"ines-maria-de-la-cruz-paredes", "Inés María de la Cruz Paredes"}}));
  EXPECT_EQ(StoredIds("d"), "ines-paredes");
  // A compound given name is one name: "Jean Tremblay" is not "Jean-François
  // Tremblay".
  Put(Article("g", {{"jean-francois-tremblay", "Jean-François Tremblay"}}));
  Put(Article("h", {{"jean-tremblay", "Jean Tremblay"}}));
  EXPECT_EQ(StoredIds("h"), "jean-tremblay");
  // Without a Malay patronymic particle, or without leading initials.
  Put(Article("i", {{"siti-aminah-binti-yusof", "Siti Aminah binti Yusof"}}));
  Put(Article("j", {{"siti-aminah-yusof", "Siti Aminah Yusof"}}));
  EXPECT_EQ(StoredIds("j"), "siti-aminah-binti-yusof");
  Put(Article("k", {{"k-r-dilrukshi-perera", "K. R. Dilrukshi Perera"}}));
  Put(Article("l", {{"dilrukshi-perera", "Dilrukshi Perera"}}));
  EXPECT_EQ(StoredIds("l"), "k-r-dilrukshi-perera");
  // Fewer middle names.
  Put(Article("q", {{"nguyen-thi-bich-ngoc", "Nguyen Thi Bich Ngoc"}}));
  Put(Article("r", {{"nguyen-bich-ngoc", "Nguyen Bich Ngoc"}}));
  EXPECT_EQ(StoredIds("r"), "nguyen-thi-bich-ngoc");
  // The first half of a double-barrelled surname.
  Put(Article("o", {{"chiamaka-obiora-lawal", "Chiamaka Obiora-Lawal"}}));
  Put(Article("p", {{"obiora", "Obiora", claims::v1::PERSON, {"Ms Obiora"}}}));
  EXPECT_EQ(StoredIds("p"), "chiamaka-obiora-lawal");
  // A German umlaut written out.
  Put(Article("m", {{"jorg-mussig", "Jörg Müßig"}}));
  Put(Article("n", {{"joerg-muessig", "Joerg Muessig"}}));
  EXPECT_EQ(StoredIds("n"), "jorg-mussig");
  // Two of that first and last name: neither.
  Put(Article("e", {{"rosario-t-macaraeg", "Rosario T. Macaraeg"}}));
  Put(Article("f", {{"rosario-macaraeg", "Rosario Macaraeg"}}));
  EXPECT_EQ(StoredIds("f"), "rosario-macaraeg");
}

TEST_F(ActorIdentityTest, AnAcronymWrittenAsAWordFindsItsOrganisation) {
  Put(Article("a", {{"marmara-deniz-koruma-dernegi",
                     "Marmara Deniz Koruma Derneği",
                     claims::v1::ORGANIZATION,
                     {"MADEK"}}}));
  Put(Article("b", {{"madek", "Madek", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("b"), "marmara-deniz-koruma-dernegi");
  // Also when the tagger took it for a person's name, unless an honorific
  // makes it one.
  Put(Article("c", {{"madek", "Madek", claims::v1::PERSON}}));
  EXPECT_EQ(StoredIds("c"), "marmara-deniz-koruma-dernegi");
  Put(Article("d", {{"ms-madek", "Ms Madek", claims::v1::PERSON}}));
  EXPECT_EQ(StoredIds("d"), "ms-madek");
}

TEST_F(ActorIdentityTest, AShortFormWithoutTheLegalFormJoinsTheCompany) {
  Put(Article("a", {{"pt-hadiwijaya-sawit-lestari",
                     "PT Hadiwijaya Sawit Lestari",
                     claims::v1::ORGANIZATION}}));
  // The tagger took the short form for a person's name.
  Put(Article("b", {{"hadiwijaya-sawit", "Hadiwijaya Sawit"}}));
  EXPECT_EQ(StoredIds("b"), "pt-hadiwijaya-sawit-lestari");
}

TEST_F(ActorIdentityTest, ASurnameTakenForAPlaceJoinsThePersonNamedWithTheSameActors) {
  const Named board{"ghana-cocoa-board", "Ghana Cocoa Board", claims::v1::ORGANIZATION};
  Put(Article("a", {{"yaw-darko-mensah", "Yaw Darko-Mensah"}, board}));
  Put(Article("b", {{"darko-mensah", "Darko-Mensah", claims::v1::LOCATION}, board}));
  EXPECT_EQ(StoredIds("b"), "yaw-darko-mensah ghana-cocoa-board");
  // With no actor in common it stays what the tagger said.
  Put(Article("c", {{"darko-mensah", "Darko-Mensah", claims::v1::LOCATION}}));
  EXPECT_EQ(StoredIds("c"), "darko-mensah");
}

TEST_F(ActorIdentityTest, AnUnlinkedSpellingOfAKnownPersonJoinsItsId) {
  Put(Article("a", {{"lech-walesa",
                     "Lech Wałęsa",
                     claims::v1::PERSON,
                     {},
                     "POL",
                     "government"}}));
  Put(Article("b", {{"lech-walesa-x", "Lech Walesa"}}));
  EXPECT_EQ(StoredIds("b"), "lech-walesa");
}

TEST_F(ActorIdentityTest, AnAcronymJoinsTheOrganisationItAbbreviates) {
  Put(Article("a",
              {{"riverside-tenants-alliance", "Riverside Tenants' Alliance",
                claims::v1::ORGANIZATION}}));
  Put(Article("b", {{"rta", "RTA", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("b"), "riverside-tenants-alliance");
}

TEST_F(ActorIdentityTest, AnOrganisationsLeadingWordTypedAsAPersonJoinsIt) {
  Put(Article("a", {{"halvgrund-shipping", "Halvgrund Shipping",
                     claims::v1::ORGANIZATION}}));
  // The full name typed as a person keeps the organisation's type...
  Put(Article("b", {{"halvgrund-shipping", "Halvgrund Shipping"}}));
  // ...so a later short form still finds it.
  Put(Article("c", {{"halvgrund", "Halvgrund"}}));
  EXPECT_EQ(StoredIds("c"), "halvgrund-shipping");
  auto actor =
      store_internal::ReadActorRecord(store_->db(), "halvgrund-shipping");
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->type(), claims::v1::ORGANIZATION);  // the stored type wins
  EXPECT_EQ(actor->name(), "Halvgrund Shipping");
  EXPECT_EQ(Resolve("Halvgrund"), "halvgrund-shipping");
}

TEST_F(ActorIdentityTest, ADoubleSurnameTypedAsAnOrganisationJoinsThePerson) {
  Put(Article("a", {{"tomas-ccori-mamani", "Tomas Ccori Mamani"}}));
  Put(Article("b",
              {{"ccori-mamani", "Ccori Mamani", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("b"), "tomas-ccori-mamani");
  auto actor =
      store_internal::ReadActorRecord(store_->db(), "tomas-ccori-mamani");
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->type(), claims::v1::PERSON);
}

TEST_F(ActorIdentityTest, ALeadingWordOfTwoOrganisationsStaysApart) {
  Put(Article("a", {{"halvgrund-shipping", "Halvgrund Shipping",
                     claims::v1::ORGANIZATION}}));
  Put(Article("b", {{"halvgrund-energy", "Halvgrund Energy",
                     claims::v1::ORGANIZATION}}));
  Put(Article("c", {{"halvgrund", "Halvgrund"}}));
  EXPECT_EQ(StoredIds("c"), "halvgrund");
}

TEST_F(ActorIdentityTest, AWordOfTheLanguageNeverJoinsAnOrganisation) {
  Put(Article("a", {{"national-cargo-board", "National Cargo Board",
                     claims::v1::ORGANIZATION}}));
  Put(Article("b", {{"national", "National"}}));
  Put(Article("c", {{"national-cargo", "National Cargo"}}));
  EXPECT_EQ(StoredIds("b"), "national");
  EXPECT_EQ(StoredIds("c"), "national-cargo");
}

TEST_F(ActorIdentityTest, AnHonorificKeepsAPersonFromAnOrganisation) {
  Put(Article("a", {{"halvgrund-shipping", "Halvgrund Shipping",
                     claims::v1::ORGANIZATION}}));
  Put(Article(
      "b", {{"halvgrund", "Halvgrund", claims::v1::PERSON, {"Ms Halvgrund"}}}));
  EXPECT_EQ(StoredIds("b"), "halvgrund");
}

TEST_F(ActorIdentityTest, ASurnameTypedAsAnOrganisationMustBeOneAndWhole) {
  Put(Article("a", {{"tomas-ccori-mamani", "Tomas Ccori Mamani"}}));
  Put(Article("b", {{"rosa-ccori-mamani", "Rosa Ccori Mamani"}}));
  Put(Article("c",
              {{"ccori-mamani", "Ccori Mamani", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("c"), "ccori-mamani");  // two people of that surname
  // One word may be a firm named after a person.
  Put(Article("d", {{"eskil-brannvik", "Eskil Brannvik"}}));
  Put(Article("e", {{"brannvik", "Brannvik", claims::v1::ORGANIZATION}}));
  EXPECT_EQ(StoredIds("e"), "brannvik");
}

TEST_F(ActorIdentityTest, TwoPeopleOfOneSurnameAreToldApartByTheirCompany) {
  Put(Article("a", {{"susan-hartley", "Susan Hartley"}, kSheffield}));
  Put(Article("b", {{"michael-hartley", "Michael Hartley"}, kCornwall}));
  Put(Article("c", {{"hartley", "Hartley"}, kSheffield}));
  EXPECT_EQ(StoredIds("c"), "susan-hartley sheffield");
}

TEST_F(ActorIdentityTest, AnAmbiguousSurnameStaysApart) {
  Put(Article("a", {{"susan-hartley", "Susan Hartley"}, kSheffield}));
  Put(Article("b", {{"michael-hartley", "Michael Hartley"}, kCornwall}));
  Put(Article("c", {{"hartley", "Hartley"}}));
  EXPECT_EQ(StoredIds("c"), "hartley");
}

TEST_F(ActorIdentityTest, DifferentGivenNamesNeverMerge) {
  Put(Article("a", {{"keith-johnson", "Keith Johnson"}}));
  Put(Article("b", {{"gary-johnson", "Gary Johnson"}}));
  EXPECT_EQ(StoredIds("b"), "gary-johnson");
  EXPECT_EQ(Resolve("Gary Johnson"), "gary-johnson");
}

TEST_F(ActorIdentityTest, HonorificsOfTheOtherGenderNeverMerge) {
  Put(Article("a", {{"susan-hartley",
                     "Susan Hartley",
                     claims::v1::PERSON,
                     {"Ms Hartley"}}}));
  Put(Article("b",
              {{"hartley", "Hartley", claims::v1::PERSON, {"Mr Hartley"}}}));
  EXPECT_EQ(StoredIds("b"), "hartley");
}

// Nor an organisation it begins, while a known person goes by it.
TEST_F(ActorIdentityTest, ASurnameNeverJoinsAKnownPersonOrAnotherType) {
  Put(Article(
      "a", {{"boris-johnson",
             "Boris Johnson",
             claims::v1::PERSON,
             {"Johnson"},
             "GBR",
             "government"},
            {"johnson-matthey", "Johnson Matthey", claims::v1::ORGANIZATION}}));
  Put(Article("b", {{"johnson", "Johnson"}}));
  EXPECT_EQ(StoredIds("b"), "johnson");
}

TEST_F(ActorIdentityTest, RolePhrasesAndGivenNamesAreNeverGlobalAliases) {
  Put(Article("a", {{"benjamin-netanyahu",
                     "Benjamin Netanyahu",
                     claims::v1::PERSON,
                     {"the prime minister", "Benjamin", "Both leaders",
                      "Netanyahu", "he"},
                     "ISR",
                     "government"},
                    {"keir-starmer",
                     "Keir Starmer",
                     claims::v1::PERSON,
                     {"the prime minister", "Prime Minister"},
                     "GBR",
                     "government"}}));
  EXPECT_EQ(Resolve("the prime minister"), "");
  EXPECT_EQ(Resolve("Benjamin"), "");
  EXPECT_EQ(Resolve("both leaders"), "");
  EXPECT_EQ(Resolve("Netanyahu"), "benjamin-netanyahu");
}

TEST(FoldNameTest, FoldsCaseAccentsTransliterationAndPunctuation) {
  EXPECT_EQ(FoldName("Lech Wałęsa"), "lech walesa");
  EXPECT_EQ(FoldName("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
  EXPECT_EQ(FoldName("Riverside Tenants' Alliance"),
            "riverside tenants alliance");
  EXPECT_EQ(FoldName("Fatima al-Rashidi"), "fatima al rashidi");
  EXPECT_EQ(FoldName("Александр Лукашенко"), "aleksandr lukasenko");
}

TEST(GlobalAliasTest, AWordAloneIsNoNameOfADiscoveredOrganisation) {
  const Actor line = ActorOf({"vostrand-line", "Vostrand Line", claims::v1::ORGANIZATION});
  EXPECT_FALSE(IsGlobalAlias(line, "Line"));
  EXPECT_TRUE(IsGlobalAlias(line, "Vostrand"));
  EXPECT_TRUE(IsGlobalAlias(line, "Vostrand Line"));
  // A known organisation keeps the short forms its record lists.
  const Actor shell =
      ActorOf({"shell", "Royal Dutch Shell", claims::v1::ORGANIZATION, {}, "GBR"});
  EXPECT_TRUE(IsGlobalAlias(shell, "Shell"));
}

TEST(GlobalAliasTest, OnlyNames) {
  const Actor a = ActorOf({"jane-smithfield", "Jane Smithfield"});
  EXPECT_TRUE(IsGlobalAlias(a, "Ms Smithfield"));
  EXPECT_TRUE(IsGlobalAlias(a, "Smithfield"));
  EXPECT_FALSE(IsGlobalAlias(a, "Jane"));
  EXPECT_FALSE(IsGlobalAlias(a, "The Prime Minister"));
  EXPECT_FALSE(IsGlobalAlias(a, "both leaders"));
  EXPECT_FALSE(IsGlobalAlias(a, "she"));
  const Actor xi = ActorOf({"xi-jinping", "Xi Jinping", claims::v1::PERSON, {}, "CHN"});
  EXPECT_TRUE(IsGlobalAlias(xi, "Xi"));  // the family name comes first
}

}  // namespace
}  // namespace claims::testing
