package org.mlcycle.toolkit.report;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that tells a {@link Progress} how many bytes each read brought. */
final class CountingInput extends FilterInputStream {
    private final Progress progress;

    CountingInput(InputStream in, Progress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) progress.step(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) progress.step(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) progress.step(skipped);
        return skipped;
    }

    // no mark/reset: a re-read would count the same bytes twice
    @Override
    public boolean markSupported() {
        return false;
    }
}
