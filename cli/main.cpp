#include "app.hpp"

int main(int argc, char** argv) { return vrathaus::cli::run(argc, argv); }
