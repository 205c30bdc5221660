# Builds, installs and packages fscli; docs/install.md explains each target.
#
#   make install [PREFIX=/usr/local] [DESTDIR=]   release build, then install (the binary stripped)
#   make uninstall [PREFIX=…] [DESTDIR=]          remove exactly the files install wrote
#   make deb [DEB_DIR=.]                          fscli_<version>_<arch>.deb, prefix /usr
#
# BINARY=path installs or packages that binary instead of building one (the tests pass the debug
# build they already have; a release build takes minutes).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
INSTALL ?= install
STRIP ?= strip

# The release build, as README's "Release build" gives it: one static executable, readline and libc
# included, so nothing is loaded or relocated at start-up (docs/startup.md). The one place these
# flags live.
RELEASE_FLAGS = -c release --static-swift-stdlib -Xswiftc -static-executable -Xlinker -ltinfo

BINARY ?=
ifeq ($(strip $(BINARY)),)
built_binary = .build/release/fscli
else
built_binary = $(BINARY)
endif

bindir = $(PREFIX)/bin
man1dir = $(PREFIX)/share/man/man1
bashcompletiondir = $(PREFIX)/share/bash-completion/completions
# zsh's own default, on Debian's fpath under /usr/local; Debian's zsh does not search
# /usr/share/zsh/site-functions, so the package uses its vendor-completions directory instead.
zshcompletiondir = $(PREFIX)/share/zsh/site-functions
deb_zshcompletiondir = /usr/share/zsh/vendor-completions
fishcompletiondir = $(PREFIX)/share/fish/vendor_completions.d

# What `fscli --version` prints comes from this one line of the sources.
VERSION := $(shell sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' Sources/Console/ConsoleVersion.swift)

DEB_DIR ?= .
DEB_STAGING ?= .build/deb-root
DEB_ARCH ?= $(shell dpkg --print-architecture 2>/dev/null)
DEB_MAINTAINER ?= fscli packager <root@localhost>
# dpkg-deb's compressor (xz by default; `none` for a quick local package).
DEB_COMPRESSION ?= xz
deb_file = $(DEB_DIR)/fscli_$(VERSION)_$(DEB_ARCH).deb

.PHONY: all build install install-files uninstall deb version

all: build

build:
ifeq ($(strip $(BINARY)),)
	$(SWIFT) build $(RELEASE_FLAGS) --product fscli
else
	@test -x '$(BINARY)' || { echo "make: BINARY=$(BINARY) is not an executable file" >&2; exit 1; }
endif

install: build
	$(MAKE) --no-print-directory install-files BINARY='$(built_binary)' DESTDIR='$(DESTDIR)' PREFIX='$(PREFIX)' \
		zshcompletiondir='$(zshcompletiondir)'

# The copy, without building: `install` and `deb` both end here.
install-files:
	$(INSTALL) -d '$(DESTDIR)$(bindir)' '$(DESTDIR)$(man1dir)' '$(DESTDIR)$(bashcompletiondir)' \
		'$(DESTDIR)$(zshcompletiondir)' '$(DESTDIR)$(fishcompletiondir)'
	$(INSTALL) -m 0755 '$(built_binary)' '$(DESTDIR)$(bindir)/fscli'
	$(STRIP) '$(DESTDIR)$(bindir)/fscli'
	$(INSTALL) -m 0644 man/fscli.1 '$(DESTDIR)$(man1dir)/fscli.1'
	$(INSTALL) -m 0644 completions/fscli.bash '$(DESTDIR)$(bashcompletiondir)/fscli'
	$(INSTALL) -m 0644 completions/_fscli '$(DESTDIR)$(zshcompletiondir)/_fscli'
	$(INSTALL) -m 0644 completions/fscli.fish '$(DESTDIR)$(fishcompletiondir)/fscli.fish'

# Directories stay: they are shared with other packages (as automake's uninstall leaves them).
uninstall:
	rm -f '$(DESTDIR)$(bindir)/fscli' '$(DESTDIR)$(man1dir)/fscli.1' '$(DESTDIR)$(bashcompletiondir)/fscli' \
		'$(DESTDIR)$(zshcompletiondir)/_fscli' '$(DESTDIR)$(fishcompletiondir)/fscli.fish'

deb: build
	rm -rf '$(DEB_STAGING)'
	$(MAKE) --no-print-directory install-files BINARY='$(built_binary)' DESTDIR='$(DEB_STAGING)' PREFIX=/usr \
		zshcompletiondir='$(deb_zshcompletiondir)'
	# Debian policy: manual pages are gzipped (-n: no name or time stamp, so builds are reproducible).
	gzip -9n '$(DEB_STAGING)/usr/share/man/man1/fscli.1'
	# Debian policy: the licence travels with the package, in the machine-readable copyright format.
	$(INSTALL) -d '$(DEB_STAGING)/usr/share/doc/fscli'
	printf '%s\n' 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' 'Upstream-Name: fscli' '' \
		'Files: *' 'Copyright: the fscli authors' 'License: GPL-3.0-or-later' \
		' On Debian systems the full text of the GNU General Public License version 3 is in' \
		' /usr/share/common-licenses/GPL-3; it is also the LICENSE file of the source.' \
		> '$(DEB_STAGING)/usr/share/doc/fscli/copyright'
	chmod 0644 '$(DEB_STAGING)/usr/share/doc/fscli/copyright'
	mkdir -p '$(DEB_STAGING)/DEBIAN' '$(DEB_DIR)'
	packaging/deb-control '$(DEB_STAGING)' '$(VERSION)' '$(DEB_ARCH)' '$(DEB_MAINTAINER)' > '$(DEB_STAGING)/DEBIAN/control'
	dpkg-deb --root-owner-group -Z$(DEB_COMPRESSION) --build '$(DEB_STAGING)' '$(deb_file)'

version:
	@echo '$(VERSION)'
