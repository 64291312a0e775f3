#pragma once

namespace vrathaus::cli {

// Parses the command line, runs one command and returns the process exit status.
int run(int argc, char** argv);

}  // namespace vrathaus::cli
