# Sourced by ./nightshift and .ci/run. The inbox reads scanned invoices with the Tesseract command
# line (docs/libraries.md); its Debian packages for the six languages the inbox parses are
# installed here when missing and this user may install packages.
ocr_packages=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra
  tesseract-ocr-spa tesseract-ocr-swe tesseract-ocr-nld)

# ensure_ocr [required]: with "required", a machine that cannot get Tesseract is an error;
# without, the service starts and the inbox fails scanned documents with a clear reason.
ensure_ocr() {
  local missing=()
  local package
  for package in "${ocr_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null &&
    { $sudo apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 ||
      { $sudo apt-get update -q >/dev/null 2>&1 &&
        $sudo apt-get install -y -q "${missing[@]}" >/dev/null 2>&1; }; }; then
    echo "nightshift: installed ${missing[*]} for OCR" >&2
    return 0
  fi
  if [ "${1:-}" = required ]; then
    echo "nightshift: OCR needs the Debian packages ${missing[*]}; install them and run again" >&2
    return 1
  fi
  echo "nightshift: ${missing[*]} missing and not installable here: scanned documents will" \
    "fail with 'OCR is unavailable'" >&2
}
