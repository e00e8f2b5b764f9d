package dev.asyncbench.bench.results;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A result or report file that could not be written: a full disk, a read-only file system, a
 * folder without write permission. Its message is one line naming the file and the cause, as
 * the operating system says it ("cannot write results/x/results.csv: No space left on device");
 * the command line prints it as it is and exits with code 1. Whatever was there before is
 * still there, whole ({@link OutputFolder}).
 */
public final class OutputFailure extends RuntimeException {

    public OutputFailure(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** "cannot write {@code file}: {@code cause}". */
    static OutputFailure writing(Path file, IOException cause) {
        return of("write", file, cause);
    }

    /** "cannot {@code doing} {@code file}: {@code cause}", e.g. {@code of("remove", chart, e)}: "cannot remove charts/x.svg: Permission denied". */
    public static OutputFailure of(String doing, Path file, IOException cause) {
        return new OutputFailure("cannot " + doing + " " + file + ": " + reason(cause, file), cause);
    }

    /**
     * What went wrong, in the operating system's words ("No space left on device", "Permission
     * denied"), followed by the file it happened to when that is neither {@code about} nor a
     * temporary file of {@link OutputFolder} (a parent that is a regular file, say).
     */
    static String reason(IOException e, Path about) {
        String why = switch (e) {
            case ClosedByInterruptException x -> "interrupted";
            case FileSystemException x when x.getReason() != null -> x.getReason();
            case AccessDeniedException x -> "Permission denied";
            case NoSuchFileException x -> "No such file or directory";
            case FileAlreadyExistsException x -> "File exists";
            case DirectoryNotEmptyException x -> "Directory not empty";
            case NotDirectoryException x -> "Not a directory";
            case FileSystemException x -> x.getClass().getSimpleName();
            default -> e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        };
        if (e instanceof FileSystemException x && x.getFile() != null) {
            String where = x.getFile();
            boolean elsewhere = !where.equals(about.toString()) && !OutputFolder.isTemporary(Path.of(where).getFileName());
            if (elsewhere) why += " (" + where + ")";
        }
        return why;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
