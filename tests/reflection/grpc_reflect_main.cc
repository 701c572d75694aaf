// grpc_reflect: the subset of grpcurl the README uses, on server reflection
// alone (Debian 12 has no grpcurl package). Same command line:
//
//   grpc_reflect -plaintext ADDRESS list [SERVICE]
//   grpc_reflect -plaintext [-d JSON] ADDRESS package.Service/Method
//
// Prints service or method names one per line, or the response as JSON;
// on failure prints "ERROR: Code: ... Message: ..." to stderr and exits 1.
#include <grpcpp/grpcpp.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "tests/reflection/reflection_client.h"

namespace {

int Usage() {
  std::cerr << "usage: grpc_reflect -plaintext [-d JSON] ADDRESS "
               "(list [SERVICE] | package.Service/Method)\n";
  return 2;
}

int Error(const absl::Status& status) {
  std::cerr << "ERROR:\n  Code: " << absl::StatusCodeToString(status.code())
            << "\n  Message: " << status.message() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  bool plaintext = false;
  std::string data;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-plaintext") {
      plaintext = true;
    } else if (arg == "-d" && i + 1 < argc) {
      data = argv[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage();
    } else {
      positional.push_back(arg);
    }
  }
  if (!plaintext || positional.size() < 2) return Usage();
  claims::testing::ReflectionClient client(
      grpc::CreateChannel(positional[0], grpc::InsecureChannelCredentials()));
  if (positional[1] == "list") {
    if (positional.size() == 2) {
      auto services = client.ListServices();
      if (!services.ok()) return Error(services.status());
      for (const std::string& name : *services) std::cout << name << "\n";
      return 0;
    }
    auto service = client.FindService(positional[2]);
    if (!service.ok()) return Error(service.status());
    for (int i = 0; i < (*service)->method_count(); ++i) {
      std::cout << (*service)->method(i)->full_name() << "\n";
    }
    return 0;
  }
  if (positional.size() != 2) return Usage();
  auto reply = client.CallJson(positional[1], data);
  if (!reply.ok()) return Error(reply.status());
  std::cout << *reply;
  if (!reply->empty() && reply->back() != '\n') std::cout << "\n";
  return 0;
}
