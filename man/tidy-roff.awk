# scdoc emits paragraph macros that mandoc -T lint rightly calls redundant: around section headings
# and at the end of indented blocks. Move a block-final .P after its .RE (keeping the blank line
# between entries), then drop every .P that directly follows a heading or precedes another one.
{ raw[NR] = $0 }
END {
  n = 0
  for (i = 1; i <= NR; i++) {
    if ((raw[i] == ".P" || raw[i] == ".PP") && i < NR && raw[i + 1] == ".RE") {
      lines[++n] = ".RE"; lines[++n] = ".P"; i++
    } else {
      lines[++n] = raw[i]
    }
  }
  prev = ""
  for (i = 1; i <= n; i++) {
    if (lines[i] == ".P" || lines[i] == ".PP") {
      next_line = (i < n) ? lines[i + 1] : ".SH"
      if (prev ~ /^\.(SH|SS|TH|P|PP)( |$)/ || next_line ~ /^\.(SH|SS|P|PP)( |$)/) continue
    }
    print lines[i]
    prev = lines[i]
  }
}
