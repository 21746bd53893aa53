package io.postflow.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteQueueTest {

    @Test
    void keepsBytesInOrderThroughGrowthAndCompaction() {
        Random random = new Random(3207);
        ByteQueue queue = new ByteQueue();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte next = 0;
        for (int round = 0; round < 5_000; round++) {
            byte[] chunk = new byte[random.nextInt(700)];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = next++;
            }
            int from = chunk.length == 0 ? 0 : random.nextInt(chunk.length);
            queue.append(Buffer.buffer(chunk), from);
            written.write(chunk, from, chunk.length - from);
            int take = queue.size() == 0 ? 0 : random.nextInt(queue.size() + 1);
            if (random.nextBoolean()) {
                read.writeBytes(queue.take(take).getBytes());
            } else {
                read.write(written.toByteArray(), read.size(), take); // what was skipped, for the final comparison
                queue.skip(take);
            }
            assertThat(queue.size()).isEqualTo(written.size() - read.size());
        }
        read.writeBytes(queue.take(queue.size()).getBytes());
        assertThat(read.toByteArray()).isEqualTo(written.toByteArray());
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void findsCrlfSplitAcrossAppendsWithoutRescanning() {
        ByteQueue queue = new ByteQueue();
        queue.append(Buffer.buffer("abc\r"), 0);
        assertThat(queue.indexOfCrlf()).isEqualTo(-1);
        assertThat(queue.endsWithCr()).isTrue();
        queue.append(Buffer.buffer("\nrest"), 0);
        assertThat(queue.indexOfCrlf()).isEqualTo(3);
        assertThat(queue.take(3).toString()).isEqualTo("abc");
        queue.skip(2);
        assertThat(queue.indexOfCrlf()).isEqualTo(-1);
        assertThat(queue.endsWithCr()).isFalse();
        assertThat(queue.size()).isEqualTo(4);
    }
}
