// SPDX-License-Identifier: Apache-2.0
// A bounded multi-producer, multi-consumer queue: what the secret scanner's sources (files.cpp,
// git_history.cpp) put between the one thread that walks (a tree, a history) and the workers that
// scan, so that memory stays bounded by the capacity, not by the number of files or commits.
//
// push() blocks while the queue is full and drops the item once the queue is closed; pop() blocks
// while it is empty and returns nullopt once it is closed and drained. close() wakes everyone.
// BoundedQueue::Closer closes the queue when the producer's scope ends, however it ends, so
// worker threads always finish and can be joined.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace sw::secrets {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  void push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  std::optional<T> pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void close() {
    const std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  struct Closer {
    BoundedQueue& queue;
    ~Closer() { queue.close(); }
  };

 private:
  std::mutex mu_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false;
};

}  // namespace sw::secrets
