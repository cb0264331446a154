import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Paired measure: both jars' engines in one JVM, each in its own class loader, matched in alternating blocks
 * (AB, BA, AB...), CPU time of this thread per block. Usage: Pair BEFORE.jar AFTER.jar SIDE_DIR BLOCKS CALLS_PER_BLOCK
 */
public final class Pair {
    public static void main(String[] args) throws Exception {
        LongSupplier[] sides = new LongSupplier[2];
        for (int s = 0; s < 2; s++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[2]).toUri().toURL(),
                    Path.of(args[s]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            sides[s] = (LongSupplier) loader.loadClass("Side").getConstructor().newInstance();
        }
        int blocks = Integer.parseInt(args[3]);
        int calls = Integer.parseInt(args[4]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] matches = new long[2];
        // warm-up
        for (int w = 0; w < 600; w++) for (int s = 0; s < 2; s++) sides[s].getAsLong();
        double[][] cpu = new double[2][blocks];
        double[] ratio = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < 2; k++) {
                int s = (b + k) % 2; // ABBAAB...: neither always first
                long t0 = threads.getCurrentThreadCpuTime();
                for (int c = 0; c < calls; c++) matches[s] += sides[s].getAsLong();
                cpu[s][b] = (threads.getCurrentThreadCpuTime() - t0) / 1e6 / calls;
            }
            ratio[b] = cpu[1][b] / cpu[0][b];
        }
        double sumA = Arrays.stream(cpu[0]).sum(), sumB = Arrays.stream(cpu[1]).sum();
        Arrays.sort(ratio);
        double[] a = cpu[0].clone(), bb = cpu[1].clone();
        Arrays.sort(a); Arrays.sort(bb);
        System.out.printf("blocks %d x %d calls; matches per call before %.1f after %.1f%n", blocks, calls,
                (double) matches[0] / blocks / calls, (double) matches[1] / blocks / calls);
        System.out.printf("cpu ms per article: before median %.3f, after median %.3f; total after/before %.3f%n",
                a[blocks / 2], bb[blocks / 2], sumB / sumA);
        System.out.printf("per-block after/before: median %.3f, quartiles %.3f .. %.3f%n", ratio[blocks / 2],
                ratio[blocks / 4], ratio[3 * blocks / 4]);
    }
}
